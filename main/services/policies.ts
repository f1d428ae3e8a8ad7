import type { ErrorDetail } from '../../contract/envelope';
import type { PolicyDiffView, PolicyExportView, PolicyListItem, PolicySaveResult, PolicySummaryView, PolicyVersionView } from '../../contract/ops/policies';
import type { Lang } from '../../contract/roles';
import { formatIssue, parsePolicyFile, type Issue, type PolicyFile } from '../../formulas';
import type { Db } from '../db/database';
import { insertPolicyVersion, latestVersion, latestVersions, policyVersion, policyVersions, type NewPolicyVersion, type PolicyVersionRow } from '../db/policies-repo';
import { t } from '../i18n/messages';
import { appendAudit } from './audit';
import { actorName, type ServiceContext } from './context';
import { rejected } from '../../domain';
import { diffPolicies } from './policy-diff';
import { fileOfRow, formatPolicyFile, rowOfFile, summaryOfRow } from './policy-file';
import type { SelectablePolicy } from './policy-selection';
import { writeFileSync } from 'node:fs';
import { ownerId } from './job-runs';

/** Policies (formulas.md): validated before every save, versioned, audited, exported as files. */

function issueDetails(issues: readonly Issue[], lang: Lang): ErrorDetail[] {
  return issues.map((i) => {
    const path = i.field ?? (i.formula !== undefined ? `formulas.${i.formula}` : undefined);
    return { ...(path !== undefined ? { path } : {}), message: formatIssue(i, lang) };
  });
}

/** The typed policy, or an AppError 'rejected' listing every problem in the caller's language. */
export function parseOrReject(json: unknown, lang: Lang): PolicyFile {
  const parsed = parsePolicyFile(json);
  if (parsed.ok) return parsed.policy;
  const details = issueDetails(parsed.issues, lang);
  const code = typeof json === 'object' && json !== null && 'code' in json && typeof json.code === 'string' ? json.code : '?';
  throw rejected('policy.invalid', { code, count: details.length, first: details[0]?.message ?? '' }, details);
}

function latestOrReject(db: Db, code: string): PolicyVersionRow {
  const row = latestVersion(db, code);
  if (!row) throw rejected('policy.not_found', { code });
  return row;
}

function versionOrReject(db: Db, code: string, version: number | undefined): PolicyVersionRow {
  if (version === undefined) return latestOrReject(db, code);
  const row = policyVersion(db, code, version);
  if (!row) throw rejected(latestVersion(db, code) ? 'policy.version_not_found' : 'policy.not_found', { code, version });
  return row;
}

const ACTIONS = { import: 'policy.import', editor: 'policy.save', activate: 'policy.activate', deactivate: 'policy.deactivate' } as const;

type Meta = Pick<NewPolicyVersion, 'source' | 'comment'> & { active: boolean };

/** Appends a version unless the policy's latest version already has exactly this content and state. */
function store(ctx: ServiceContext, file: PolicyFile, meta: Meta, baseVersion?: number | null): PolicySaveResult {
  const db = ctx.store.db;
  return db.transaction((): PolicySaveResult => {
    const latest = latestVersion(db, file.code);
    if (baseVersion === null && latest) throw rejected('policy.code_taken', { code: file.code });
    if (baseVersion !== undefined && (latest?.version ?? null) !== baseVersion) {
      throw rejected('policy.stale', { code: file.code, base: baseVersion ?? 0, latest: latest?.version ?? 0, by: latest?.saved_by ?? '', at: latest?.saved_at ?? '' });
    }
    const row = rowOfFile(file, {
      active: meta.active ? 1 : 0,
      source: meta.source,
      comment: meta.comment,
      saved_by: actorName(ctx),
      saved_at: ctx.now().toISOString(),
    });
    if (latest && latest.content_hash === row.content_hash && latest.active === row.active) {
      return { status: 'unchanged', message: t('policy.unchanged', { code: file.code, version: latest.version }, ctx.lang), policy: summaryOfRow(latest) };
    }
    const saved = insertPolicyVersion(db, row);
    appendAudit(
      db,
      {
        actor: actorName(ctx),
        action: ACTIONS[meta.source === 'state' ? (meta.active ? 'activate' : 'deactivate') : meta.source],
        entity: 'policy',
        entityId: `${saved.code}@${saved.version}`,
        before: latest ? { version: latest.version, content_hash: latest.content_hash, active: latest.active === 1 } : null,
        after: { version: saved.version, content_hash: saved.content_hash, active: saved.active === 1, comment: saved.comment },
      },
      ctx.now(),
    );
    return { status: 'saved', message: t('policy.saved', { code: saved.code, version: saved.version }, ctx.lang), policy: summaryOfRow(saved) };
  })();
}

export function importPolicy(ctx: ServiceContext, input: { content: string; fileName?: string | undefined; comment?: string | undefined }): PolicySaveResult {
  const fileName = input.fileName ?? 'policy.json';
  let json: unknown;
  try {
    json = JSON.parse(input.content.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw rejected('policy.json_invalid', { file: fileName, detail: e instanceof Error ? e.message : String(e) });
  }
  const file = parseOrReject(json, ctx.lang);
  const comment = input.comment?.trim() || t('policy.comment_imported', { file: fileName }, ctx.lang);
  return store(ctx, file, { source: 'import', comment, active: true });
}

export function savePolicy(ctx: ServiceContext, input: { policy: unknown; comment: string; baseVersion?: number | null | undefined }): PolicySaveResult {
  const file = parseOrReject(input.policy, ctx.lang);
  return store(ctx, file, { source: 'editor', comment: input.comment.trim(), active: true }, input.baseVersion);
}

/** Deactivating (or reactivating) is a new version with the same content: the state has a history. */
export function setPolicyActive(ctx: ServiceContext, input: { code: string; active: boolean; comment: string }): PolicySaveResult {
  const latest = latestOrReject(ctx.store.db, input.code);
  return store(ctx, fileOfRow(latest), { source: 'state', comment: input.comment.trim(), active: input.active });
}

export function listPolicies(db: Db): PolicyListItem[] {
  return latestVersions(db).map((r) => ({ ...summaryOfRow(r), versions: r.versions }));
}

export function getPolicy(db: Db, code: string, version?: number): PolicyVersionView {
  const row = versionOrReject(db, code, version);
  return { ...summaryOfRow(row), file: fileOfRow(row) };
}

export function policyHistory(db: Db, code: string): PolicySummaryView[] {
  const rows = policyVersions(db, code);
  if (rows.length === 0) throw rejected('policy.not_found', { code });
  return rows.map(summaryOfRow);
}

export function diffPolicyVersions(db: Db, code: string, from: number, to: number): PolicyDiffView {
  const a = versionOrReject(db, code, from);
  const b = versionOrReject(db, code, to);
  return diffPolicies({ ...fileOfRow(a), active: a.active === 1 }, { ...fileOfRow(b), active: b.active === 1 }, { code, from, to });
}

export function exportPolicy(db: Db, code: string, version?: number): PolicyExportView {
  const row = versionOrReject(db, code, version);
  return { fileName: `policy-${row.code}-v${row.version}.json`, content: formatPolicyFile(fileOfRow(row)) };
}

/** A saved policy for selection and evaluation: its latest version, in the file form. */
export interface StoredPolicy extends SelectablePolicy {
  id: number;
  version: number;
  file: PolicyFile;
}

/** The latest version of every policy, active or not (selection skips the inactive ones). */
export function storedPolicies(db: Db): StoredPolicy[] {
  return latestVersions(db).map((r) => {
    const file = fileOfRow(r);
    return {
      id: r.id,
      code: r.code,
      version: r.version,
      priority: r.priority,
      effective_from: r.effective_from,
      effective_to: r.effective_to,
      scope: file.scope ?? null,
      active: r.active === 1,
      file,
    };
  });
}

/** `policy.exportDownload`: the policy file written into the downloads folder, for the UI to save. */
export function exportPolicyDownload(ctx: ServiceContext, code: string, version: number | undefined): { downloadId: string; fileName: string } {
  const { fileName, content } = exportPolicy(ctx.store.db, code, version);
  const file = ctx.store.downloads.newPath(fileName);
  writeFileSync(file, content, 'utf8');
  return { downloadId: ctx.store.downloads.add(ownerId(ctx), file, fileName).id, fileName };
}
