import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import vi from './locales/vi.json';
import { readStored, writeStored } from './storage';

export const LANGUAGES = [
  { code: 'vi', label: 'Tiếng Việt' },
  { code: 'en', label: 'English' },
] as const;

type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'lang';

function initialLanguage(): LanguageCode {
  return readStored(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  writeStored(STORAGE_KEY, language);
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES.map((language) => language.code),
  initAsync: false,
  interpolation: { escapeValue: false },
});

export default i18n;
