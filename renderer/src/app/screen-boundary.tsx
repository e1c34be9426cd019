// A screen that fails while it draws (a grid library error, say) must not take
// the window with it: React unmounts everything below a render error, and
// without this the clerk was left with a blank window. The frame and its
// navigation stay; the failed screen says what happened and what to do.
import Alert from '@mui/material/Alert';
import { Component, type ReactNode } from 'react';

interface Props {
  /** The screen's name, as the navigation shows it. */
  readonly screen: string;
  readonly children: ReactNode;
}

export class ScreenBoundary extends Component<Props, { failure: Error | null }> {
  override state: { failure: Error | null } = { failure: null };

  static getDerivedStateFromError(failure: Error): { failure: Error } {
    return { failure };
  }

  override render(): ReactNode {
    const { failure } = this.state;
    if (failure === null) return this.props.children;
    return (
      <Alert severity="error" role="alert">
        The {this.props.screen} screen stopped working ({failure.message}). Your data is safe: nothing was changed. Open another screen and come back, or
        use View › Reload data. If it happens again, export a backup in Settings and send it with this message to your support contact.
      </Alert>
    );
  }
}
