/**
 * What a file-system error code means to the person who named the path, in plain words; undefined
 * for a code without a plainer wording than Node's own message.
 */
export function fileErrorMeaning(code: string | undefined): string | undefined {
  return code === undefined ? undefined : MEANINGS[code];
}

/** "permission denied (EACCES)": a file-system error in plain words with its code, else Node's own message. */
export function fileErrorReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const meaning = fileErrorMeaning(code);
  return meaning ? `${meaning} (${code})` : message;
}

const MEANINGS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ELOOP: 'too many symbolic links',
  EIO: 'an input/output error',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
};
