import i18n from '../shared/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

// The workspace's own words join the shared ones here, so the citizen portal never downloads them.
i18n.addResourceBundle('vi', 'translation', vi, true);
i18n.addResourceBundle('en', 'translation', en, true);
