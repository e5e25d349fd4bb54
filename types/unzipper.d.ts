/** The part of unzipper (a maintained streaming zip reader) the workbook reader uses: entries as they stream by. */
declare module 'unzipper' {
  import type { Duplex } from 'node:stream';
  const unzipper: { Parse(options?: { forceStream?: boolean }): Duplex };
  export default unzipper;
}
