// Reads user-chosen CIFAR-10 files after a size check (refused before any byte is read).

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type UploadResult = { ok: true; files: { name: string; bytes: ArrayBuffer }[] } | { ok: false; message: string };

export function checkUploadSizes(files: readonly FileLike[], limit = MAX_UPLOAD_BYTES): string | null {
  if (files.length === 0) return 'No file was chosen.';
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > limit) {
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    return `The chosen files are ${mb(total)}; the limit is ${mb(limit)}. Choose the CIFAR-10 binary version (cifar-10-binary.tar.gz, about 162 MB) or its data_batch_*.bin files.`;
  }
  return null;
}

export async function readUpload(files: readonly FileLike[], limit = MAX_UPLOAD_BYTES): Promise<UploadResult> {
  const refusal = checkUploadSizes(files, limit);
  if (refusal) return { ok: false, message: refusal };
  try {
    const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })));
    return { ok: true, files: read };
  } catch (error) {
    return { ok: false, message: `The files could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
