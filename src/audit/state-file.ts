/**
 * The state file of an audit unless one is named: one for each shard, so that shards run side by
 * side in one folder keep their states apart.
 */
export function auditStateFile(shard: string | undefined): string {
  return shard === undefined ? '.rightslint-audit.jsonl' : `.rightslint-audit-${shard.replace('/', '-of-')}.jsonl`;
}
