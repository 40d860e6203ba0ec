// opencc-js ships its dictionaries as plain modules without types: each is "source target…|source target…".
declare module "opencc-js/dict/*" {
  const dictionary: string;
  export default dictionary;
}
