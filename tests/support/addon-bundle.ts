import { inject } from 'vitest';

/**
 * The folder of the add-on built for this test run; throws the build's error when it failed.
 * SFA_ADDON_BUNDLE_DIR points the tests at another build (e.g. addon/dist).
 */
export function addonBundleDir(): string {
  const override = process.env.SFA_ADDON_BUNDLE_DIR;
  if (override !== undefined && override !== '') return override;
  const error = inject('addonBundleError');
  if (error !== null) throw new Error(`the add-on bundle could not be built:\n${error}`);
  return inject('addonBundleDir');
}
