// better-sqlite3-multiple-ciphers 13 ships its typings but no "types" condition in its package exports, so
// TypeScript cannot find them; its API is better-sqlite3's, whose DefinitelyTyped typings stand in.
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
