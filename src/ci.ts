/** Whether the run is on a CI service, which sets `CI` (GitHub Actions, GitLab, CircleCI, Travis ...). */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  return env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
}
