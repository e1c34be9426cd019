// Import mappings the clerk saved in the import wizard: listed here so an old
// or wrong one can be removed (saving happens where the mapping is made).
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import { useEngine } from '../../components/engine-context';
import type { EngineCalls } from '../../workers/engine-protocol';

type SavedProfile = EngineCalls['profiles']['response'][number];

/** The saved profiles with Delete. */
export function SavedProfiles() {
  const { client } = useEngine();
  const [profiles, setProfiles] = useState<SavedProfile[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = useCallback(() => void client.call('profiles', {}).then(setProfiles), [client]);
  useEffect(refresh, [refresh]);

  const remove = async (name: string): Promise<void> => {
    const deleted = await client.call('profile-delete', { name, now: new Date().toISOString() });
    setMessage(deleted ? `Deleted "${name}". Files it read before keep their data.` : `"${name}" was already gone.`);
    refresh();
  };

  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="region" aria-label="Saved profiles">
      <Typography variant="subtitle1" component="h2" gutterBottom>
        Saved import profiles
      </Typography>
      {profiles !== null && profiles.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No saved profiles. Save a column mapping in the import wizard to reuse it here.
        </Typography>
      ) : null}
      <List dense disablePadding>
        {(profiles ?? []).map((profile) => (
          <ListItem key={profile.name} secondaryAction={<Button size="small" color="error" onClick={() => void remove(profile.name)} aria-label={`Delete ${profile.name}`}>Delete</Button>}>
            <ListItemText primary={profile.name} secondary={profile.updatedAt ? `saved ${profile.updatedAt.slice(0, 10)}` : null} />
          </ListItem>
        ))}
      </List>
      {message ? (
        <Typography variant="body2" role="status">
          {message}
        </Typography>
      ) : null}
    </Paper>
  );
}
