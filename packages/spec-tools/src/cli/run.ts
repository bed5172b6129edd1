import { UserError } from '../io.js';

/** Runs a CLI main: user errors become one line on stderr and exit code 2, never a stack trace. */
export function runMain(name: string, main: () => Promise<number | undefined>): void {
  main().then(
    (code) => {
      process.exitCode = typeof code === 'number' ? code : 0;
    },
    (err: unknown) => {
      if (err instanceof UserError) {
        console.error(`${name}: ${err.message}`);
      } else {
        const message = err instanceof Error ? err.message : String(err);
        console.error(`${name}: ${message.split('\n')[0]}`);
        if (process.env.SPEC_TOOLS_DEBUG && err instanceof Error) console.error(err.stack);
      }
      process.exitCode = 2;
    },
  );
}
