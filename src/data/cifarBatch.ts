/**
 * CIFAR-10 binary batches: records of 1 label byte (0-9) and 3,072 pixel bytes, the 1,024
 * red values of the 32x32 image row by row, then the green, then the blue plane.
 */

export const CIFAR_SIDE = 32;
export const CIFAR_PLANE = CIFAR_SIDE * CIFAR_SIDE;
export const CIFAR_IMAGE_BYTES = 3 * CIFAR_PLANE;
export const CIFAR_RECORD_BYTES = 1 + CIFAR_IMAGE_BYTES;
export const CIFAR_CLASSES = 10;

export class CifarFormatError extends Error {
  override name = 'CifarFormatError';
}

/** Python pickles start with PROTO (0x80) and a protocol number 2-5. */
function looksLikePickle(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x80 && bytes[1] >= 2 && bytes[1] <= 5;
}

/** Record count of a batch; throws a clear message when `bytes` cannot be one. */
export function validateCifarBatch(fileName: string, bytes: Uint8Array): number {
  if (bytes.length === 0) throw new CifarFormatError(`${fileName} is empty`);
  if (looksLikePickle(bytes)) {
    throw new CifarFormatError(
      `${fileName} is from the Python (pickle) version of CIFAR-10; use the binary version (cifar-10-binary.tar.gz)`,
    );
  }
  if (bytes.length % CIFAR_RECORD_BYTES !== 0) {
    const cifar100 =
      bytes.length % (CIFAR_RECORD_BYTES + 1) === 0 ? ' It looks like CIFAR-100 (2 label bytes per record), which is not supported.' : '';
    const records = Math.floor(bytes.length / CIFAR_RECORD_BYTES);
    throw new CifarFormatError(
      `${fileName} is ${bytes.length.toLocaleString('en-US')} bytes, not a multiple of the ${CIFAR_RECORD_BYTES}-byte CIFAR-10 record ` +
        `(${records} whole records and ${bytes.length - records * CIFAR_RECORD_BYTES} bytes left over): it is truncated or not a CIFAR-10 batch.${cifar100}`,
    );
  }
  const count = bytes.length / CIFAR_RECORD_BYTES;
  for (let i = 0; i < count; i++) {
    const label = bytes[i * CIFAR_RECORD_BYTES];
    if (label >= CIFAR_CLASSES) {
      throw new CifarFormatError(`${fileName}: record ${i} has label ${label}, but CIFAR-10 labels are 0-9 — not a CIFAR-10 batch`);
    }
  }
  return count;
}

/**
 * Writes the batch's labels and NHWC pixels into the destination arrays starting at image
 * `first`. The batch must have passed validateCifarBatch.
 */
export function unpackCifarBatch(bytes: Uint8Array, images: Uint8Array, labels: Uint8Array, first: number): void {
  const count = bytes.length / CIFAR_RECORD_BYTES;
  for (let i = 0; i < count; i++) {
    const record = i * CIFAR_RECORD_BYTES;
    labels[first + i] = bytes[record];
    const red = record + 1;
    const green = red + CIFAR_PLANE;
    const blue = green + CIFAR_PLANE;
    let out = (first + i) * CIFAR_IMAGE_BYTES;
    for (let p = 0; p < CIFAR_PLANE; p++) {
      images[out++] = bytes[red + p];
      images[out++] = bytes[green + p];
      images[out++] = bytes[blue + p];
    }
  }
}
