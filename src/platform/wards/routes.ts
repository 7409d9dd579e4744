import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/store';
import { auditContext, currentStaff } from '../http/context';
import type { RouteOptions } from '../http/deps';
import { AppError } from '../http/errors';
import { WARD_CODE } from '../http/schemas';
import * as store from './store';

const wardParams = z.object({ code: WARD_CODE });
const CLOCK = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ theo dạng HH:MM, ví dụ 07:30');

const officeHours = z
  .object({
    opensAt: CLOCK,
    closesAt: CLOCK,
    saturdayMorningReceiving: z.boolean(),
    saturdayClosesAt: CLOCK,
    sameDayCutoff: CLOCK,
  })
  .refine((h) => h.opensAt < h.closesAt, { message: 'Giờ đóng cửa phải sau giờ mở cửa', path: ['closesAt'] })
  .refine((h) => h.opensAt < h.sameDayCutoff && h.sameDayCutoff <= h.closesAt, {
    message: 'Giờ chốt nhận hồ sơ trả trong ngày phải nằm trong giờ làm việc',
    path: ['sameDayCutoff'],
  });

export const wardRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { db } = deps.database;

  app.get(
    '/portal',
    {
      config: { policy: 'public' },
      schema: { tags: ['portal'], summary: 'Thông tin trang chủ cổng công dân của phường' },
    },
    async () => {
      const found = await store.findWard(db, deps.config.portalWard);
      if (!found) throw new AppError('NOT_FOUND', 'Phường chưa được thiết lập trên nền tảng.');
      const { ward } = found;
      return {
        ward: {
          code: ward.code,
          name: found.name,
          provinceName: found.provinceName,
          address: ward.address,
          phone: ward.phone,
          email: ward.email,
        },
        slogans: ward.slogans,
        officeHours: ward.officeHours,
        languages: ['vi', 'en'],
      };
    },
  );

  app.get(
    '/wards/:code/settings',
    {
      config: { policy: { permission: 'ward.structure.read', wardParam: 'code' } },
      schema: { tags: ['wards'], summary: 'Giờ làm việc và nhận hồ sơ của phường', params: wardParams },
    },
    async (request) => {
      const found = await store.findWard(db, request.params.code);
      if (!found) throw new AppError('NOT_FOUND', 'Phường chưa sử dụng nền tảng.');
      return { officeHours: found.ward.officeHours };
    },
  );

  app.put(
    '/wards/:code/settings',
    {
      config: { policy: { permission: 'ward.settings.edit', wardParam: 'code' } },
      schema: {
        tags: ['wards'],
        summary: 'Sửa giờ làm việc, giờ chốt nhận hồ sơ trong ngày và việc nhận hồ sơ sáng thứ Bảy',
        params: wardParams,
        body: z.object({ officeHours }),
      },
    },
    async (request) => {
      const { code } = request.params;
      await db.transaction(async (tx) => {
        const before = await store.updateOfficeHours(tx, code, request.body.officeHours);
        if (!before) throw new AppError('NOT_FOUND', 'Phường chưa sử dụng nền tảng.');
        await recordAudit(tx, auditContext(request), {
          action: 'ward.office_hours_changed',
          targetType: 'ward',
          targetId: code,
          wardCode: code,
          summary: { before, after: request.body.officeHours },
        });
      });
      return { officeHours: request.body.officeHours };
    },
  );

  app.get(
    '/wards/:code/units',
    {
      config: { policy: { permission: 'ward.structure.read', wardParam: 'code' } },
      schema: { tags: ['wards'], summary: 'Các phòng, đơn vị của phường', params: wardParams },
    },
    async (request) => ({ units: await store.listUnits(db, request.params.code) }),
  );

  app.get(
    '/wards/:code/residential-groups',
    {
      config: { policy: { permission: 'ward.structure.read', wardParam: 'code' } },
      schema: { tags: ['wards'], summary: 'Các tổ dân phố và số hộ', params: wardParams },
    },
    async (request) => ({ groups: await store.listResidentialGroups(db, request.params.code) }),
  );

  app.get(
    '/wards/:code/staff',
    {
      config: { policy: { permission: 'staff.directory.read', wardParam: 'code' } },
      schema: { tags: ['wards'], summary: 'Danh bạ cán bộ, công chức của phường', params: wardParams },
    },
    async (request) => ({ staff: await store.listStaff(db, request.params.code) }),
  );

  app.get(
    '/wards/:code/staff/:staffId/contact',
    {
      config: { policy: { permission: 'staff.contact.read', wardParam: 'code' } },
      schema: {
        tags: ['wards'],
        summary: 'Số điện thoại của một cán bộ (dữ liệu cá nhân: mỗi lần đọc được ghi nhật ký)',
        params: wardParams.extend({ staffId: z.uuid() }),
      },
    },
    async (request) => {
      const { code, staffId } = request.params;
      return db.transaction(async (tx) => {
        const contact = await store.findStaffContact(tx, code, staffId);
        if (!contact) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ này.');
        await recordAudit(tx, auditContext(request), {
          action: 'personal_data.read',
          targetType: 'staff_contact',
          targetId: staffId,
          wardCode: code,
          summary: { fields: ['phone'] },
        });
        return contact;
      });
    },
  );

  app.get(
    '/city/wards',
    {
      config: { policy: { permission: 'city.read' } },
      schema: {
        tags: ['city'],
        summary: 'Các xã, phường của thành phố (chế độ xem của thành phố)',
        querystring: z.object({
          province: z
            .string()
            .regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số')
            .optional(),
          q: z.string().max(100).optional(),
        }),
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const provinceCode =
        staff.role === 'city_reviewer' ? staff.provinceCode : (request.query.province ?? '31');
      const province = provinceCode ? await store.findProvince(db, provinceCode) : undefined;
      if (!province) throw new AppError('NOT_FOUND', 'Không tìm thấy tỉnh, thành phố này.');
      return { province, wards: await store.listCityUnits(db, province.code, request.query.q) };
    },
  );
};
