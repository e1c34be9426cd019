import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export interface EmptyStateProps {
  onOpenSample: () => void;
  onImportExports: () => void;
}

/** First start: nothing imported yet, so offer the sample portfolio or an import. */
export function EmptyState({ onOpenSample, onImportExports }: EmptyStateProps) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', pt: 8 }}>
      <Paper variant="outlined" sx={{ p: 4, maxWidth: 560 }} role="region" aria-labelledby="empty-state-title">
        <Typography id="empty-state-title" variant="h5" component="h1" gutterBottom>
          Welcome to Blockledger
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          There are no contracts yet. Look around with the built-in sample portfolio, or import the agreement and time-entry exports of your PSA (ConnectWise, Autotask, e-automate or any spreadsheet).
        </Typography>
        <Stack direction="row" spacing={2}>
          <Button variant="contained" onClick={onOpenSample}>
            Open sample portfolio
          </Button>
          <Button variant="outlined" onClick={onImportExports}>
            Import your exports
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
