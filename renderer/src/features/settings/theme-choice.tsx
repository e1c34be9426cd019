// Light or dark, the same choice as the title bar's button (remembered across starts).
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useThemeModeChoice } from '../../app/use-theme-mode';

/** Two radio buttons for the app's theme. */
export function ThemeChoice() {
  const [mode, toggle] = useThemeModeChoice();
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="region" aria-label="Appearance">
      <Typography variant="subtitle1" component="h2" gutterBottom>
        Appearance
      </Typography>
      <RadioGroup row aria-label="Theme" value={mode} onChange={(event) => event.target.value !== mode && toggle()}>
        <FormControlLabel value="light" control={<Radio />} label="Light" />
        <FormControlLabel value="dark" control={<Radio />} label="Dark" />
      </RadioGroup>
    </Paper>
  );
}
