// V8's settings for the window's processes: the page and its engine worker.
// The engine worker holds a million-entry portfolio, about half a gigabyte of
// live heap. V8 starts the old generation small and grows it one full
// collection at a time, and on the way to that size the first reconcile of a
// session spent about a quarter of its time collecting. An old generation that
// starts at 512 MB spares those collections: the size is where V8 begins full
// collections, not memory taken up front. The young generation is left at
// V8's default, as its size sets how long the page's minor collections pause
// the window: `--initial-heap-size` enlarges it too, and opened the app no
// faster in bench:ui.

/** Chromium's --js-flags for every renderer process (the main process keeps its own). */
export const RENDERER_JS_FLAGS = '--initial-old-space-size=512';

/** Where Chromium's switches are set: Electron's `app.commandLine`. */
export interface CommandLineSwitches {
  appendSwitch(name: string, value?: string): void;
}

/** Must run before the app is ready: switches set later do not reach the renderer processes. */
export function tuneRendererV8(commandLine: CommandLineSwitches): void {
  commandLine.appendSwitch('js-flags', RENDERER_JS_FLAGS);
}
