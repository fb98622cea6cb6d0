/** The `--help` text. */
export const HELP = `Usage: rightslint <command> [options]

Commands:
  check [paths...]         Check HTML and Markdown pages against the licence policy

Options for check:
  -c, --config FILE        Policy file (default: the nearest rightslint.yaml above the first path)
  -f, --format NAME        Output format: stylish (default) or json
  -o, --output-file FILE   Write the report to FILE instead of standard output
      --as-of DATE         Judge retention as of DATE (YYYY-MM-DD; default today)
      --max-warnings N     Exit 1 when there are more than N warnings

  -h, --help               Show this help
  -v, --version            Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or policy error.
`;
