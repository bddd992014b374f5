// `--name=value` of a measurement script's command line, or the fallback.
export const argFlag = (name: string, fallback: string): string =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
