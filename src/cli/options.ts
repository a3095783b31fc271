/**
 * The options several commands share, defined once (render, rollup, letters, demo): the same
 * name always means the same thing and says so in the same words.
 */
export const FORCE_OPTION = {
  type: "boolean",
  default: false,
  describe: "覆盖已有文件 / overwrite existing files",
} as const;

export const JSON_OPTION = {
  type: "boolean",
  default: false,
  describe: "以 JSON 输出结果 / print the result as JSON",
} as const;

export const VERBOSE_OPTION = {
  type: "boolean",
  default: false,
  describe: "逐个列出写出的文件 / list every file written",
} as const;

export const TEMPLATES_OPTION = {
  type: "string",
  describe: "模板目录，其中的模板替换同名内置模板 / folder of templates overriding the built-in ones",
} as const;

export const FONT_CONFIG_OPTION = {
  type: "string",
  describe: "PDF 字体配置文件 / font configuration file for PDF output",
} as const;
