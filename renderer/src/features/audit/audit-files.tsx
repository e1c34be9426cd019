// The Audit screen's inputs: the four groups of files a consultant picks
// (ConnectWise, e-automate, time entries, optional pairs) and the addition
// products that add hours, each picked through the platform's file dialog.
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { NamedFile } from '../../workers/engine-protocol';
import { usePlatform } from '../../platform/platform-context';

export type FileGroup = 'source' | 'target' | 'entries' | 'pairs';

export const FILE_GROUPS: readonly { readonly group: FileGroup; readonly label: string; readonly hint: string }[] = [
  { group: 'source', label: 'ConnectWise exports', hint: 'agreements, additions, adjustments, agreement recap' },
  { group: 'target', label: 'e-automate contracts', hint: 'the contract list the agreements were migrated to' },
  { group: 'entries', label: 'Time entries', hint: 'the ConnectWise time entries to replay' },
  { group: 'pairs', label: 'Pairs file (optional)', hint: 'source_id,target_id; otherwise paired by customer and name or number' },
];

export interface AuditFilesProps {
  readonly files: Readonly<Record<FileGroup, readonly NamedFile[]>>;
  readonly onFiles: (group: FileGroup, files: readonly NamedFile[]) => void;
  readonly unitProducts: string;
  readonly onUnitProducts: (text: string) => void;
  readonly problems: readonly string[];
  readonly onFailure: (message: string) => void;
}

/** The file pickers and the unit products field. */
export function AuditFiles({ files, onFiles, unitProducts, onUnitProducts, problems, onFailure }: AuditFilesProps) {
  const platform = usePlatform();
  const pick = async (group: FileGroup): Promise<void> => {
    const opened = await platform.openImportFiles();
    // One pairs file: the first picked.
    if (opened.status === 'opened') onFiles(group, group === 'pairs' ? opened.files.slice(0, 1) : opened.files);
    else if (opened.status === 'failed') onFailure(opened.message);
  };
  return (
    <Stack spacing={1} sx={{ mb: 2 }} role="region" aria-label="Audit files">
      {FILE_GROUPS.map(({ group, label, hint }) => (
        <Stack key={group} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button variant="outlined" sx={{ width: 260 }} onClick={() => void pick(group)}>
            {`Choose ${label}`}
          </Button>
          <Typography variant="body2" aria-label={`${label} chosen`} color={files[group].length === 0 ? 'text.secondary' : 'text.primary'}>
            {files[group].length === 0 ? hint : files[group].map((file) => file.name).join(', ')}
          </Typography>
        </Stack>
      ))}
      <TextField
        size="small"
        label="Addition products that add hours"
        placeholder="BLOCK-10H=10; BLOCK-5H=5"
        value={unitProducts}
        onChange={(event) => onUnitProducts(event.target.value)}
        error={problems.length > 0}
        helperText={problems.length > 0 ? problems.join('; ') : 'PRODUCT=HOURS per quantity, separated by ;'}
        sx={{ maxWidth: 520 }}
      />
    </Stack>
  );
}
