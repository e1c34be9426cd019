// Where the clerk is in the wizard, so the long page reads as four steps.
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import type { ImportPreviewResult } from '../../workers/engine-protocol';
import { importStep } from './import-view-model';

const STEPS = ['Choose files', 'Check profile and columns', 'Review problems', 'Import'] as const;

export function ImportSteps({ files, preview }: { files: number; preview: ImportPreviewResult | null }) {
  return (
    <Stepper activeStep={importStep(files, preview)} sx={{ mb: 2 }} aria-label="Import steps">
      {STEPS.map((label) => (
        <Step key={label}>
          <StepLabel>{label}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
