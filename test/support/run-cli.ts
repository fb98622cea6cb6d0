import { main } from '../../src/cli/main.js';

/**
 * Runs the command line in-process and captures what it prints. The environment is `env` alone
 * (empty by default), never the shell's: FORCE_COLOR, NO_COLOR or GITHUB_WORKSPACE set where the
 * tests run would otherwise change what they see.
 */
export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}
