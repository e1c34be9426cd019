import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** Stands in for a screen whose feature has not landed yet. */
export function PlaceholderPage({ title }: { title: string }) {
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary">Nothing here yet.</Typography>
    </Box>
  );
}
