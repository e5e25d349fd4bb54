import { FILE_PART_BYTES } from '../../shared/api/importContract.ts';
import { call } from '../backend.ts';

/** Bytes as base64, in slices so that a 1 MiB part never overflows the argument list of String.fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Sends a chosen file into the store as the backend takes it: `files.begin`, then its parts in order, each at most
 * FILE_PART_BYTES of bytes as base64 (an empty file still sends part 0). Returns the file's id.
 */
export async function uploadFile(file: Blob & { name: string }, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<string> {
  const { id } = await call('files.begin', { name: file.name });
  for (let part = 0, at = 0; at < file.size || part === 0; part++, at += FILE_PART_BYTES) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const bytes = new Uint8Array(await file.slice(at, at + FILE_PART_BYTES).arrayBuffer());
    await call('files.write', { id, part, data: toBase64(bytes) });
    onProgress(file.size === 0 ? 1 : Math.min(1, (at + bytes.length) / file.size));
  }
  return id;
}

/** Hands a blob to the browser as a download (the web host), or to the desktop shell's save dialog (Electron's default for a download). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a file the backend wrote (an export) part by part, saves it, and removes it from the store. */
export async function downloadFile(id: string, type: string): Promise<string> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let name = 'export';
  for (let part = 0, parts = 1; part < parts; part++) {
    const read = await call('files.read', { id, part });
    parts = read.parts;
    name = read.name;
    chunks.push(fromBase64(read.data));
  }
  saveBlob(new Blob(chunks, { type }), name);
  await call('files.remove', { id }).catch(() => undefined);
  return name;
}

export const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
