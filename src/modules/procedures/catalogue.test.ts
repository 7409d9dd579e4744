import { describe, expect, it } from 'vitest';
import { parseCatalogue, ProcedureSchema, type Procedure } from './catalogue';
import { computeFee, searchKey } from './rules';
import seed from './seed-procedures.json';

const catalogue = parseCatalogue(seed);
const byCode = (code: string): Procedure => {
  const p = catalogue.procedures.find((x) => x.nationalCode === code);
  if (!p) throw new Error(`missing ${code}`);
  return p;
};
const find = (query: string) =>
  catalogue.procedures.filter((p) => searchKey(p.name).includes(searchKey(query))).map((p) => p.nationalCode);

describe('seed catalogue of phường Thành Đông', () => {
  it('validates with the zod schema and holds the 16 procedures of vn-rules §9', () => {
    expect(catalogue.wardCode).toBe('10507');
    expect(catalogue.procedures).toHaveLength(16);
  });

  it('every document id is unique within its procedure', () => {
    for (const p of catalogue.procedures) {
      const ids = p.documents.map((d) => d.id);
      expect(new Set(ids).size, p.nationalCode).toBe(ids.length);
    }
  });

  it('finds procedures without diacritics', () => {
    expect(find('khai sinh')).toEqual(['1.001193', '2.000635']); // the copy procedure names 'Giấy khai sinh'
    expect(find('dang ky khai sinh')).toEqual(['1.001193']);
    expect(find('chung thuc ban sao')).toEqual(['2.000815']);
    expect(find('TẠM TRÚ')).toEqual(expect.arrayContaining(['1.004194', '1.002755']));
  });

  it('free procedures are marked free, unknown amounts unconfirmed with a note', () => {
    for (const code of ['1.001193', '1.000894', '1.000656', '1.003677', '1.010041', '1.004837'])
      expect(byCode(code).fees.free, code).toBe(true);
    for (const code of ['1.001022', '1.004859', '1.004873']) {
      expect(byCode(code).fees).toMatchObject({ free: false, unconfirmed: true, items: [] });
      expect(byCode(code).fees.note, code).toMatch(/HĐND/);
    }
  });

  it('seed fees compute as the schedules say', () => {
    expect(computeFee(byCode('2.000815').fees, { pages: 3, copies: 2 }).amount).toBe(10000);
    expect(computeFee(byCode('2.000884').fees).amount).toBe(10000);
    expect(computeFee(byCode('2.001035').fees).amount).toBe(50000);
    expect(computeFee(byCode('1.004222').fees, { online: true }).amount).toBe(10000);
    expect(computeFee(byCode('2.000635').fees, { quantity: 2 }).amount).toBe(16000);
    expect(computeFee(byCode('1.001193').fees).amount).toBe(0);
  });

  it('time limits keep the extras of the national records', () => {
    expect(byCode('1.001193').timeLimit).toEqual({ kind: 'same_day', cutoff: '15:00' });
    expect(byCode('1.000894').timeLimit).toMatchObject({ kind: 'same_day', maxWorkingDaysIfVerification: 5 });
    expect(byCode('1.004222').timeLimit).toEqual({ kind: 'working_days', days: 7 });
    expect(byCode('1.010041').timeLimit).toEqual({
      kind: 'working_days',
      days: 0.5,
      maxWorkingDaysIfVerification: 3,
    });
  });

  it('notes where §9 and procedures.json differ', () => {
    expect(byCode('1.004859').notes).toMatch(/§9/);
    expect(catalogue.notes).toMatch(/1\.004837/);
  });

  it('rejects a duplicate document id, an unknown field and an amount-less paid schedule', () => {
    const p = byCode('2.000884');
    const dup = { ...p, documents: [...p.documents, p.documents[0]] };
    expect(ProcedureSchema.safeParse(dup).success).toBe(false);
    expect(ProcedureSchema.safeParse({ ...p, extra: 1 }).success).toBe(false);
    const noAmount = { ...p, fees: { free: false, basis: 'x', items: [], exemptions: [] } };
    expect(ProcedureSchema.safeParse(noAmount).success).toBe(false);
    expect(() => parseCatalogue({ ...seed, procedures: [...catalogue.procedures, p] })).toThrow();
  });
});
