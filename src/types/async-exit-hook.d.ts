declare module 'async-exit-hook' {
  /** Registers a hook run on process exit (see the package's README). */
  function exitHook(hook: (done: () => void) => void | Promise<void>): void;
  namespace exitHook {
    /** Removes the package's handler of a signal or event. */
    function unhookEvent(event: string): void;
  }
  export default exitHook;
}
