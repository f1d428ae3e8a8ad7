import { describe, expect, it } from 'vitest';
import { auditChangeText, auditChanges, auditEntityLabel } from './audit';

describe('audit changes as a finance reader sees them', () => {
  it('lists only the fields that changed, labelled, before → after', () => {
    const before = { backupKeep: 20, companyName: '', ledgerDormantPeriods: 6 };
    const after = { backupKeep: 20, companyName: '示例食品有限公司', ledgerDormantPeriods: 6 };
    expect(auditChanges(before, after, 'zh-CN')).toEqual([{ field: 'companyName', label: '公司名称', before: '—', after: '示例食品有限公司' }]);
    expect(auditChangeText(before, after, 'zh-CN')).toBe('公司名称：— → 示例食品有限公司');
    expect(auditChangeText(before, after, 'en')).toBe('Company name: — → 示例食品有限公司');
  });

  it('shows values by the display rules: money, statuses, roles, booleans, hashes, files', () => {
    const text = auditChangeText({ status: 'draft' }, { status: 'submitted', total: '20269.14', hash: '5ea51fc9224219bee4b6dd4b82f6d00f', levels: ['区域经理审核', '财务总监审批'] }, 'zh-CN');
    expect(text).toBe('状态：草稿 → 审批中；合计（元）：20,269.14；内容哈希：5ea51fc92242…；审批级别：区域经理审核、财务总监审批');
    expect(auditChangeText(null, { displayName: '刘会计', name: 'prep', roles: ['preparer', 'auditor'] }, 'zh-CN')).toBe('显示名称：刘会计；名称：prep；角色：财务专员、审计');
    expect(auditChangeText(null, { active: true }, 'zh-CN')).toBe('启用：是');
    expect(auditChangeText(null, { files: [{ file: 'purchases.csv', rows: 15000, sha256: 'x', total: '1084456.78' }], kind: 'purchases' }, 'zh-CN')).toBe('文件：purchases.csv（15,000 行）；数据类型：进货明细');
    expect(auditChangeText({ active: true }, { active: false }, 'en')).toBe('Active: Yes → No');
    expect(auditChangeText({ amount: '-10.00' }, null, 'zh-CN')).toBe('金额（元）：-10.00 → —');
  });

  it('never prints raw JSON or a true/false', () => {
    const text = auditChangeText([], [{ approvers: [{ display_name: '王经理', name: 'wang' }], min_total: null, name: '区域经理审核', position: 1 }], 'zh-CN');
    expect(text).toBe('1. 区域经理审核：王经理（wang）');
    expect(text).not.toMatch(/[{}"]|true|false/);
  });

  it('labels object types', () => {
    expect(auditEntityLabel('approval_chain', 'zh-CN')).toBe('审批流');
    expect(auditEntityLabel('batch', 'en')).toBe('Batch');
    expect(auditEntityLabel('something_new', 'zh-CN')).toBe('something_new');
  });
});
