import { useTranslation } from 'react-i18next';

/** Vietnamese (or English) name of a staff role, e.g. `ward_leader` → "Lãnh đạo UBND phường". */
export function useRoleLabel(): (role: string) => string {
  const { t } = useTranslation();
  return (role) => t(`roles.${role}`, { defaultValue: role });
}
