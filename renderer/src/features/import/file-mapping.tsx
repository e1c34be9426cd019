// One file of the import: what it was recognised as and why, the profile to
// use, and which source column fills each field (editable, savable).
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ImportIssue } from '../../core/import/import-issue';
import { specsOf } from '../../core/import/profiles/registry';
import type { FilePreview, ImportPreviewResult } from '../../workers/engine-protocol';
import type { FileChoice } from './import-choices';

export interface FileMappingProps {
  readonly preview: FilePreview;
  /** Issues of the whole file (unreadable, missing column, ignored key). */
  readonly fileIssues: readonly ImportIssue[];
  readonly choice: FileChoice;
  readonly profiles: ImportPreviewResult['profiles'];
  onChange(choice: FileChoice): void;
  onSaveProfile(name: string): void;
}

const AUTO = '__auto__';

/** The detection, profile choice and column mapping of one file. */
export function FileMapping({ preview, fileIssues, choice, profiles, onChange, onSaveProfile }: FileMappingProps) {
  const [profileName, setProfileName] = useState('');
  const { detection } = preview;
  const recognised = detection?.profileId !== null && detection !== null;
  const problems = preview.rows.filter((row) => row.issues.length > 0).length;
  const found = preview.mapping.filter((field) => field.column !== null).length;
  const missingRequired = preview.mapping.some((field) => field.required && field.column === null);
  const profileId = choice.profileId ?? detection?.profileId ?? null;
  const system = profiles.find((profile) => profile.id === profileId)?.system;
  // The record kinds the profile reads, so a spreadsheet under the generic profile can be named as entries.
  const kinds = system ? specsOf(system) : [];
  return (
    <Card variant="outlined" sx={{ mb: 2 }} role="region" aria-label={`File ${preview.file}`}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ flexGrow: 1 }}>
            {preview.file}
          </Typography>
          {detection?.profileId ? (
            <Chip
              size="small"
              variant="outlined"
              color={detection.confidence >= 1 ? 'success' : 'warning'}
              label={`${detection.overridden ? 'Chosen' : 'Detected'} · confidence ${Math.round(detection.confidence * 100)} %`}
              aria-label="Detection confidence"
            />
          ) : null}
          <TextField
            select
            size="small"
            label="Profile"
            value={choice.profileId ?? AUTO}
            onChange={(event) => onChange({ file: choice.file, profileId: event.target.value === AUTO ? null : event.target.value, columns: [] })}
            sx={{ width: 320 }}
          >
            <MenuItem value={AUTO}>Detect automatically</MenuItem>
            {profiles.map((profile) => (
              <MenuItem key={profile.id} value={profile.id}>
                {profile.label}
              </MenuItem>
            ))}
          </TextField>
          {kinds.length > 1 && detection?.record ? (
            <TextField
              select
              size="small"
              label="This file holds"
              value={detection.record}
              onChange={(event) => onChange({ file: choice.file, profileId, columns: [], record: event.target.value })}
              sx={{ width: 260 }}
            >
              {kinds.map((spec) => (
                <MenuItem key={spec.record} value={spec.record}>
                  {`${spec.label.charAt(0).toUpperCase()}${spec.label.slice(1)} rows`}
                </MenuItem>
              ))}
            </TextField>
          ) : null}
        </Stack>
        <Alert severity={recognised ? (problems > 0 ? 'warning' : 'success') : 'error'} sx={{ mb: 1 }}>
          {detection ? `${detection.reason[0]?.toUpperCase() ?? ''}${detection.reason.slice(1)}.` : 'This file could not be read.'}
          {problems > 0 ? ` ${problems} ${problems === 1 ? 'row has a problem' : 'rows have problems'} and will not be imported; see the preview below.` : ''}
        </Alert>
        {fileIssues.map((issue) => (
          <Alert key={`${issue.code}\u0000${issue.message}`} severity={issue.severity === 'error' ? 'error' : 'info'} sx={{ mb: 1 }}>
            {issue.column === null ? issue.message : `${issue.column}: ${issue.message}`}
          </Alert>
        ))}
        {preview.mapping.length > 0 ? (
          <Accordion variant="outlined" disableGutters defaultExpanded={missingRequired} slotProps={{ transition: { unmountOnExit: true } }}>
            <AccordionSummary>
              <Typography variant="body2">
                {`Column mapping: ${found} of ${preview.mapping.length} fields found${missingRequired ? ', a required field is missing' : ''}. Change a column or save the mapping as a profile.`}
              </Typography>
            </AccordionSummary>
            <AccordionDetails>
            <Table size="small" aria-label={`Column mapping of ${preview.file}`}>
              <TableHead>
                <TableRow>
                  <TableCell>Field</TableCell>
                  <TableCell>Source column</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.mapping.map((field) => {
                  const edited = choice.columns.find((column) => column.field === field.field)?.column;
                  return (
                    <TableRow key={field.field}>
                      <TableCell sx={{ width: 220 }}>
                        {field.field}
                        {field.required ? ' *' : ''}
                      </TableCell>
                      <TableCell>
                        <TextField
                          select
                          size="small"
                          variant="standard"
                          value={edited ?? field.column ?? ''}
                          onChange={(event) =>
                            onChange({ ...choice, profileId: choice.profileId ?? detection?.profileId ?? null, columns: [...choice.columns.filter((column) => column.field !== field.field), { field: field.field, column: event.target.value }] })
                          }
                          slotProps={{ htmlInput: { 'aria-label': `Column for ${field.field}` } }}
                          sx={{ minWidth: 240 }}
                          error={field.required && field.column === null && edited === undefined}
                        >
                          <MenuItem value="">
                            <em>not in this file</em>
                          </MenuItem>
                          {preview.header.map((column) => (
                            <MenuItem key={column} value={column}>
                              {column}
                            </MenuItem>
                          ))}
                          {field.column !== null && !preview.header.includes(field.column) ? <MenuItem value={field.column}>{field.column}</MenuItem> : null}
                        </TextField>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            <Stack direction="row" spacing={1} sx={{ mt: 1.5, alignItems: 'center' }}>
              <TextField size="small" label="Save this mapping as" value={profileName} onChange={(event) => setProfileName(event.target.value)} sx={{ width: 240 }} />
              <Button variant="outlined" disabled={profileName.trim() === '' || !recognised} onClick={() => onSaveProfile(profileName.trim())}>
                Save profile
              </Button>
            </Stack>
            </AccordionDetails>
          </Accordion>
        ) : null}
      </CardContent>
    </Card>
  );
}
