/** `nn --version`; test/version.test.ts keeps it equal to package.json's version. */
export const NN_VERSION = "0.1.0";
