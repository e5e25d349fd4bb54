export * from './canonical.ts';
export * from './entities.ts';
export * from './merge.ts';
export * from './protocol.ts';
