/**
 * What a file-system error code means to the person who named the path, in plain words; undefined
 * for a code without a plainer wording than Node's own message. `named` says what the path had to
 * be: any path (a page or folder to check), or a file (a policy, a holder file), which a missing
 * or misplaced one simply is not.
 */
export function fileErrorMeaning(code: string | undefined, named: 'path' | 'file' = 'path'): string | undefined {
  if (code === undefined) return undefined;
  return (named === 'file' ? FILE_MEANINGS[code] : undefined) ?? MEANINGS[code];
}

/** "permission denied (EACCES)": a file-system error in plain words with its code, else Node's own message. */
export function fileErrorReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const meaning = fileErrorMeaning(code);
  return meaning ? `${meaning} (${code})` : message;
}

/** Why a file the policy names (itself, a policy it extends, a holder file) could not be read, in words rather than an errno. */
export function readFailure(error: unknown): string {
  return fileErrorMeaning((error as NodeJS.ErrnoException).code, 'file') ?? (error as Error).message;
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

const FILE_MEANINGS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EISDIR: 'a folder, not a file',
};
