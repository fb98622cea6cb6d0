/** The `--help` text. */
export const HELP = `Usage: rightslint <command> [options]

Commands:
  check [paths...]         Check HTML and Markdown pages against the licence policy
  init [folder]            Write a starter rightslint.yaml listing the holders found in the pages
  explain RULE             Show a rule's documentation
  holders                  List the holder catalogue (with the policy's own holders)
  merge FILE...            Merge the JSON results (or SARIF logs) of shards into one report
  trace PAGE               Show every candidate match on one page, and why it was kept or dropped

Options for check:
  -c, --config FILE        Policy file (default: the nearest rightslint.yaml above the first path)
  -f, --format NAME        stylish (default), json, sarif, junit or github; repeat for several
  -o, --output-file FILE   Write the report to FILE; pairs with the --format before it in order
      --as-of DATE         Judge retention as of DATE (YYYY-MM-DD; default today)
      --max-warnings N     Exit 1 when there are more than N warnings
      --baseline FILE      Accept the findings recorded in FILE (a baseline for legacy pages)
      --update-baseline    Rewrite the --baseline entries of the pages this run checks
      --changed-since REF  Check only files changed since the git REF, and untracked ones
                           (every page when the policy, a file it extends or loads changed)
      --allow-empty        Accept a path or policy that matches no file (else exit 2)
      --print-config FILE  Show the effective configuration for FILE and exit
      --cache              Reuse results for unchanged pages (kept in .rightslintcache/)
      --cache-location DIR Keep the cache in DIR (implies --cache)
      --shard i/n          Check only the i-th of n slices of the files (for CI matrices)
      --workers N          Worker threads (default: one, one per core once ~32 MB of files wait)
      --timeout SECONDS    Time limit of one page (default 30); a page over it is reported unchecked
                           (an error, unscannable-file)

Options for init: --force (replace an existing policy). For holders: --config FILE, --format json.
For trace: --config FILE, --format stylish|json, --as-of DATE (exits 0 whatever the page holds).

  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or policy error.
`;
