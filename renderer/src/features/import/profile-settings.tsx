// What a profile cannot guess from the headers: how its files write dates
// (03/04/2026 is ambiguous) and, for ConnectWise, which addition products add
// hours to the agreement (issue 3: "a user mapping"). One card per profile the
// files were read with; the settings apply to every file of that profile.
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { DATE_FORMATS } from '../../core/import/source-date';
import type { ProfileSettings } from '../../workers/engine-protocol';
import { isUnitsPerQuantity } from './import-choices';

export interface ProfileSettingsProps {
  readonly settings: ProfileSettings;
  readonly label: string;
  /** Whether the profile's additions can add units (ConnectWise). */
  readonly products: boolean;
  onChange(settings: ProfileSettings): void;
}

const DATE_LABEL: Readonly<Record<string, string>> = { auto: 'Work it out from the file (stops when ambiguous)' };

/** Date format and unit products of one profile. */
export function ProfileSettingsCard({ settings, label, products, onChange }: ProfileSettingsProps) {
  const [product, setProduct] = useState('');
  const [units, setUnits] = useState('');
  const list = settings.unitProducts ?? [];
  const unitsOk = isUnitsPerQuantity(units);
  return (
    <Card variant="outlined" sx={{ mb: 2 }} role="region" aria-label={`Settings of ${label}`}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {label}: settings for its files
        </Typography>
        <TextField
          select
          size="small"
          label="Dates in these files are written"
          value={settings.dateFormat ?? 'auto'}
          onChange={(event) => onChange({ ...settings, dateFormat: event.target.value as ProfileSettings['dateFormat'] })}
          sx={{ width: 380, mb: products ? 2 : 0 }}
        >
          {DATE_FORMATS.map((format) => (
            <MenuItem key={format} value={format}>
              {DATE_LABEL[format] ?? format}
            </MenuItem>
          ))}
        </TextField>
        {products ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              Addition products that add hours to their agreement (others are listed as not counted):
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap aria-label="Products that add hours">
              {list.length === 0 ? <Typography variant="body2">none yet</Typography> : null}
              {list.map((item) => (
                <Chip key={item.product} label={`${item.product}: ${item.unitsPerQuantity} h each`} onDelete={() => onChange({ ...settings, unitProducts: list.filter((other) => other.product !== item.product) })} />
              ))}
            </Stack>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField size="small" label="Product" value={product} onChange={(event) => setProduct(event.target.value)} sx={{ width: 200 }} />
              <TextField
                size="small"
                label="Hours each"
                value={units}
                onChange={(event) => setUnits(event.target.value)}
                error={units !== '' && !unitsOk}
                helperText={units !== '' && !unitsOk ? 'A positive number such as 10 or 2.5' : undefined}
                sx={{ width: 140 }}
              />
              <Button
                variant="outlined"
                disabled={product.trim() === '' || !unitsOk}
                onClick={() => {
                  onChange({ ...settings, unitProducts: [...list.filter((other) => other.product !== product.trim()), { product: product.trim(), unitsPerQuantity: units.trim() }] });
                  setProduct('');
                  setUnits('');
                }}
              >
                Add product
              </Button>
            </Stack>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
