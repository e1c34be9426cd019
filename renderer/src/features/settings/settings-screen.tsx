// Settings (issue 5): the engine's rules, how numbers and dates read, saved
// import profiles, backups, and the theme. Each section is its own component.
import { ScreenHeader } from '../../components/screen-header';
import { BackupsPanel } from './backups-panel';
import { DisplayFormatsPanel } from './display-formats';
import { EngineRules } from './engine-rules';
import { SavedProfiles } from './saved-profiles';
import { ThemeChoice } from './theme-choice';

/** The Settings screen. */
export function SettingsScreen() {
  return (
    <>
      <ScreenHeader title="Settings" asOf={false} />
      <ThemeChoice />
      <DisplayFormatsPanel />
      <EngineRules />
      <SavedProfiles />
      <BackupsPanel />
    </>
  );
}
