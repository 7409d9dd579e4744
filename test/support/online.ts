import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { channelAdapters } from '../../src/platform/channels/adapters';
import { createDelivery, type Delivery } from '../../src/platform/channels/jobs';
import type { Clock } from '../../src/platform/clock';
import { FONT, renderPdf } from '../../src/platform/documents/pdf';
import type { TestPlatform } from './app';
import type { CitizenAgent } from './citizen';

export const COPY_CERTIFICATION = '2.000815'; // 2.000 đ a page for pages 1–2, 1.000 đ from page 3
export const COPY = 'ban-sao-can-chung-thuc';
export const APPLICANT = { fullName: 'Trần Văn Bình', idNumber: '031095001234', phone: '0977 111 222' };
export const ADDRESS = 'Số 12, Tổ dân phố số 3, phường Thành Đông';
export const OCTET = { 'content-type': 'application/octet-stream' };

export type Notify = { channels: string[]; email?: string };

export interface OutboxRow {
  id: string;
  channel: string;
  recipient: string;
  template_key: string;
  body: string;
  status: string;
}

/** The local channel adapters (e-mail files under `dataDir/mail`) and their delivery, run by the test. */
export interface LocalDelivery {
  delivery: Delivery;
  dataDir: string;
  stop(): Promise<void>;
}

export function localDelivery(platform: TestPlatform, clock: Clock, prefix: string): LocalDelivery {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const adapters = channelAdapters(platform.database.db, {
    dataDir,
    mailFrom: 'Phường <khong-tra-loi@localhost>',
  });
  const delivery = createDelivery({
    db: platform.database.db,
    adapters,
    clock,
    log: { debug: () => {}, error: () => {} },
  });
  return {
    delivery,
    dataDir,
    async stop() {
      await delivery.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A PDF of two pages: the copy certification's fee counts them. */
export function twoPagePdf(): Promise<Buffer> {
  return renderPdf({
    content: [{ text: 'Trang 1', pageBreak: 'after' }, { text: 'Trang 2' }],
    defaultStyle: { font: FONT },
  });
}

/** Online filings of a copy certification through the API, and the outbox messages of a dossier. */
export function onlineFiling(platform: () => TestPlatform, papers: () => Buffer) {
  let keys = 0;
  const key = () => ({ 'idempotency-key': `online-filing-${++keys}` });

  async function startDraft(citizen: CitizenAgent, procedureCode = COPY_CERTIFICATION) {
    const response = await citizen.request('POST', '/api/v1/online/drafts', { procedureCode });
    expect([200, 201], response.body).toContain(response.statusCode);
    return response.json<{ id: string; steps: { key: string; complete: boolean }[] }>();
  }

  const upload = (
    citizen: CitizenAgent,
    draftId: string,
    bytes: Buffer,
    fileName: string,
    documentId = COPY,
  ) =>
    citizen.request(
      'POST',
      `/api/v1/online/drafts/${draftId}/uploads?documentId=${documentId}&fileName=${encodeURIComponent(fileName)}`,
      bytes,
      OCTET,
    );

  /** A draft with every answer given and two pages uploaded, ready to submit. */
  async function completeDraft(citizen: CitizenAgent, notify: Notify, returnChannel = 'counter') {
    const draft = await startDraft(citizen);
    const uploaded = await upload(citizen, draft.id, papers(), 'giay-khai-sinh.pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const saved = await citizen.request('PUT', `/api/v1/online/drafts/${draft.id}`, {
      applicant: APPLICANT,
      address: ADDRESS,
      returnChannel,
      notify,
      currentStep: 'kiem-tra',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    return draft.id;
  }

  async function submit(citizen: CitizenAgent, draftId: string) {
    const url = `/api/v1/online/drafts/${draftId}/submit`;
    const response = await citizen.request('POST', url, undefined, key());
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ code: string; status: string; receiptDay: string; fee: { amount: number } }>();
  }

  const messagesOf = (code: string) =>
    platform().database.sql.query<OutboxRow>(
      'SELECT id, channel, recipient, template_key, body, status FROM outbox_messages WHERE reference_id = $1 ORDER BY created_at, template_key',
      [code],
    );

  return { key, startDraft, upload, completeDraft, submit, messagesOf };
}
