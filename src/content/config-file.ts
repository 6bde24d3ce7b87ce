/** The name of the one site configuration file, at the project root. */
export const CONFIG_FILE = "tidings.config.yml";
