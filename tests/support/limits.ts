/**
 * Pure checks of Slack Block Kit payloads against Slack's documented limits (docs.slack.dev/reference/block-kit and
 * the message and view limits of chat.postMessage and views.open), so that an over-long or malformed message fails
 * in a test instead of coming back from Slack as `invalid_blocks` / `msg_too_long`. Only the tests use it: the
 * builders in src/views/ keep within the limits by construction (blocks.ts truncates), and every payload they can
 * build is checked here (tests/views/every-payload.test.ts).
 *
 * The checks work on plain JSON (anything typed with `@slack/types` passes through) and never throw, except
 * `assertWithinLimits`, which throws a `BlockKitLimitError` listing every violation.
 *
 * Lengths are counted in UTF-16 code units (`string.length`), which is never less than Slack's character count, so a
 * payload that passes here is within the limit there. Each violation has a JSON-ish `path` (`blocks[3].text.text`),
 * a stable `rule` id (see `LimitRule`), the `actual` value (a length, a count or the offending value) and, for
 * numeric limits, the `limit`.
 */
import type { SlackMessage } from '../../src/views/blocks.js';

export type { SlackMessage };

export interface LimitViolation {
  path: string;
  rule: string;
  actual: number | string;
  limit?: number;
}

/** The numeric limits applied by the checks (characters unless the name says otherwise). */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  textObject: 3_000,
  sectionText: 3_000,
  sectionFields: 10,
  sectionField: 2_000,
  headerText: 150,
  contextElements: 10,
  contextText: 3_000,
  actionsElements: 25,
  viewTitle: 24,
  viewSubmit: 24,
  viewClose: 24,
  privateMetadata: 3_000,
  id: 255,
  buttonText: 75,
  buttonValue: 2_000,
  url: 3_000,
  accessibilityLabel: 75,
  staticSelectOptions: 100,
  optionGroups: 100,
  checkboxOptions: 10,
  radioOptions: 10,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  optionGroupLabel: 75,
  placeholder: 150,
  inputLabel: 2_000,
  inputHint: 2_000,
  plainTextInputLength: 3_000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  markdownBlock: 12_000,
  markdownTotal: 12_000,
  tableRows: 100,
  tableCells: 20,
  tableColumnSettings: 20,
  tablesPerMessage: 1,
  tableCharacters: 10_000,
  imageAltText: 2_000,
  imageTitle: 2_000,
} as const;

/** Every rule id that the checks can report. */
export type LimitRule =
  | 'message_text_missing'
  | 'message_text_empty'
  | 'message_text_too_long'
  | 'blocks_not_array'
  | 'block_invalid'
  | 'too_many_blocks'
  | 'block_id_too_long'
  | 'block_id_duplicate'
  | 'action_id_too_long'
  | 'action_id_duplicate'
  | 'callback_id_too_long'
  | 'external_id_too_long'
  | 'private_metadata_too_long'
  | 'view_title_missing'
  | 'view_title_too_long'
  | 'view_submit_too_long'
  | 'view_submit_missing'
  | 'view_close_too_long'
  | 'text_object_invalid'
  | 'text_type_invalid'
  | 'plain_text_required'
  | 'text_empty'
  | 'text_too_long'
  | 'section_empty'
  | 'section_text_too_long'
  | 'section_too_many_fields'
  | 'section_field_too_long'
  | 'header_text_missing'
  | 'header_text_too_long'
  | 'context_too_many_elements'
  | 'context_text_too_long'
  | 'actions_too_many_elements'
  | 'input_label_missing'
  | 'input_label_too_long'
  | 'input_hint_too_long'
  | 'input_element_missing'
  | 'button_text_missing'
  | 'button_text_too_long'
  | 'button_value_too_long'
  | 'button_url_too_long'
  | 'accessibility_label_too_long'
  | 'too_many_options'
  | 'too_many_option_groups'
  | 'option_text_missing'
  | 'option_text_too_long'
  | 'option_value_too_long'
  | 'option_description_too_long'
  | 'option_url_too_long'
  | 'option_group_label_too_long'
  | 'placeholder_too_long'
  | 'max_length_too_large'
  | 'min_length_too_large'
  | 'confirm_title_too_long'
  | 'confirm_text_too_long'
  | 'confirm_button_too_long'
  | 'markdown_text_too_long'
  | 'markdown_total_too_long'
  | 'table_rows_missing'
  | 'table_too_many_rows'
  | 'table_row_invalid'
  | 'table_too_many_cells'
  | 'table_too_many_column_settings'
  | 'table_cell_invalid_type'
  | 'table_cell_empty'
  | 'table_too_many_characters'
  | 'too_many_tables'
  | 'table_not_in_message'
  | 'rich_text_elements_missing'
  | 'rich_text_element_invalid'
  | 'image_alt_text_missing'
  | 'image_alt_text_too_long'
  | 'image_source_missing'
  | 'image_url_too_long'
  | 'image_title_too_long';

type Obj = Record<string, unknown>;

const TEXT_TYPES = new Set(['plain_text', 'mrkdwn']);
const TABLE_CELL_TYPES = new Set(['raw_text', 'raw_number', 'rich_text']);
/** What a rich_text block's `elements` may hold (docs.slack.dev/reference/block-kit/blocks/rich-text-block). */
const RICH_TEXT_OBJECTS = new Set(['rich_text_section', 'rich_text_list', 'rich_text_preformatted', 'rich_text_quote']);
const RICH_TEXT_LIST_STYLES = new Set(['bullet', 'ordered']);

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Slack trims text before checking the minimum length, so only ASCII whitespace counts as empty. */
function isBlank(value: string): boolean {
  return /^[ \t\r\n]*$/.test(value);
}

interface TextRule {
  /** rule id reported when the text is longer than `limit` */
  rule: LimitRule;
  limit: number;
  /** only `plain_text` is allowed here */
  plainOnly?: boolean;
}

const GENERIC_TEXT: TextRule = { rule: 'text_too_long', limit: SLACK_LIMITS.textObject };

/** Accumulates violations for one payload; `blockIds` spans the whole message or view. */
class Checker {
  readonly violations: LimitViolation[] = [];
  /** Tables are for messages only (LIMITS.md: "table block (messages, since Aug 2025)"). */
  constructor(private readonly surface: 'message' | 'view') {}
  private readonly blockIds = new Map<string, string>();
  markdownTotal = 0;
  markdownBlockTooLong = false;
  tables: string[] = [];

  add(path: string, rule: LimitRule, actual: number | string, limit?: number): void {
    this.violations.push(limit === undefined ? { path, rule, actual } : { path, rule, actual, limit });
  }

  /** Flags a string longer than `limit`; non-strings are ignored. */
  maxLength(value: unknown, path: string, rule: LimitRule, limit: number): void {
    if (typeof value === 'string' && value.length > limit) this.add(path, rule, value.length, limit);
  }

  /** A text object (`{ type: 'plain_text' | 'mrkdwn', text }`) at a place where Slack expects one. */
  textObject(value: unknown, path: string, rule: TextRule = GENERIC_TEXT): void {
    if (!isObj(value)) {
      this.add(path, 'text_object_invalid', value === null ? 'null' : typeof value);
      return;
    }
    const type = value.type;
    if (typeof type !== 'string' || !TEXT_TYPES.has(type)) {
      this.add(`${path}.type`, 'text_type_invalid', typeof type === 'string' ? type : 'missing');
    } else if (rule.plainOnly && type !== 'plain_text') {
      this.add(`${path}.type`, 'plain_text_required', type);
    }
    const text = value.text;
    if (typeof text !== 'string') {
      this.add(`${path}.text`, 'text_empty', 'missing');
      return;
    }
    if (isBlank(text)) this.add(`${path}.text`, 'text_empty', text.length);
    else if (text.length > rule.limit) this.add(`${path}.text`, rule.rule, text.length, rule.limit);
  }

  blockId(block: Obj, path: string): void {
    const id = block.block_id;
    if (typeof id !== 'string') return;
    this.maxLength(id, `${path}.block_id`, 'block_id_too_long', SLACK_LIMITS.id);
    if (this.blockIds.has(id)) this.add(`${path}.block_id`, 'block_id_duplicate', id);
    else this.blockIds.set(id, path);
  }

  blocks(blocks: unknown, max: number): void {
    if (blocks === undefined) return;
    if (!Array.isArray(blocks)) {
      this.add('blocks', 'blocks_not_array', typeof blocks);
      return;
    }
    if (blocks.length > max) this.add('blocks', 'too_many_blocks', blocks.length, max);
    blocks.forEach((block, i) => {
      this.block(block, `blocks[${i}]`);
    });
    // One over-long markdown block already explains an over-long total.
    if (this.markdownTotal > SLACK_LIMITS.markdownTotal && !this.markdownBlockTooLong) {
      this.add('blocks', 'markdown_total_too_long', this.markdownTotal, SLACK_LIMITS.markdownTotal);
    }
  }

  block(block: unknown, path: string): void {
    if (!isObj(block) || typeof block.type !== 'string') {
      this.add(path, 'block_invalid', isObj(block) ? 'missing type' : typeof block);
      return;
    }
    this.blockId(block, path);
    const actionIds = new Set<string>();
    switch (block.type) {
      case 'section':
        this.section(block, path, actionIds);
        break;
      case 'header':
        if (block.text === undefined) this.add(`${path}.text`, 'header_text_missing', 'missing');
        else
          this.textObject(block.text, `${path}.text`, {
            rule: 'header_text_too_long',
            limit: SLACK_LIMITS.headerText,
            plainOnly: true,
          });
        break;
      case 'context':
        this.context(block, path);
        break;
      case 'actions':
        this.elementList(
          block.elements,
          `${path}.elements`,
          actionIds,
          'actions_too_many_elements',
          SLACK_LIMITS.actionsElements,
        );
        break;
      case 'context_actions':
        this.elementList(block.elements, `${path}.elements`, actionIds);
        break;
      case 'input':
        this.input(block, path, actionIds);
        break;
      case 'image':
        this.image(block, path, true);
        break;
      case 'markdown':
        this.markdown(block, path);
        break;
      case 'table':
        if (this.surface === 'view') this.add(path, 'table_not_in_message', 'view');
        this.table(block, path);
        break;
      case 'rich_text':
        this.richText(block, path);
        break;
      case 'divider':
        break;
      default:
        this.unknown(block, path, actionIds);
    }
  }

  private section(block: Obj, path: string, actionIds: Set<string>): void {
    if (block.text === undefined && block.fields === undefined) this.add(path, 'section_empty', 'missing');
    if (block.text !== undefined) {
      this.textObject(block.text, `${path}.text`, { rule: 'section_text_too_long', limit: SLACK_LIMITS.sectionText });
    }
    if (Array.isArray(block.fields)) {
      if (block.fields.length > SLACK_LIMITS.sectionFields) {
        this.add(`${path}.fields`, 'section_too_many_fields', block.fields.length, SLACK_LIMITS.sectionFields);
      }
      block.fields.forEach((field, i) => {
        this.textObject(field, `${path}.fields[${i}]`, {
          rule: 'section_field_too_long',
          limit: SLACK_LIMITS.sectionField,
        });
      });
    }
    if (block.accessory !== undefined) this.element(block.accessory, `${path}.accessory`, actionIds);
  }

  private context(block: Obj, path: string): void {
    const elements = block.elements;
    if (!Array.isArray(elements)) return;
    if (elements.length > SLACK_LIMITS.contextElements) {
      this.add(`${path}.elements`, 'context_too_many_elements', elements.length, SLACK_LIMITS.contextElements);
    }
    elements.forEach((el, i) => {
      const elPath = `${path}.elements[${i}]`;
      if (isObj(el) && el.type === 'image') this.image(el, elPath, false);
      else this.textObject(el, elPath, { rule: 'context_text_too_long', limit: SLACK_LIMITS.contextText });
    });
  }

  private input(block: Obj, path: string, actionIds: Set<string>): void {
    if (block.label === undefined) this.add(`${path}.label`, 'input_label_missing', 'missing');
    else
      this.textObject(block.label, `${path}.label`, {
        rule: 'input_label_too_long',
        limit: SLACK_LIMITS.inputLabel,
        plainOnly: true,
      });
    if (block.hint !== undefined) {
      this.textObject(block.hint, `${path}.hint`, {
        rule: 'input_hint_too_long',
        limit: SLACK_LIMITS.inputHint,
        plainOnly: true,
      });
    }
    if (block.element === undefined) this.add(`${path}.element`, 'input_element_missing', 'missing');
    else this.element(block.element, `${path}.element`, actionIds);
  }

  private markdown(block: Obj, path: string): void {
    const text = block.text;
    if (typeof text !== 'string') {
      this.add(`${path}.text`, 'text_empty', 'missing');
      return;
    }
    this.markdownTotal += text.length;
    if (isBlank(text)) this.add(`${path}.text`, 'text_empty', text.length);
    else if (text.length > SLACK_LIMITS.markdownBlock) {
      this.markdownBlockTooLong = true;
      this.add(`${path}.text`, 'markdown_text_too_long', text.length, SLACK_LIMITS.markdownBlock);
    }
  }

  /**
   * A rich_text block: a non-empty `elements` array of sections, lists, preformatted text and quotes, each with its
   * own `elements`; a list holds sections and has a `bullet` or `ordered` style; a text element has its `text`.
   */
  private richText(block: Obj, path: string): void {
    const elements = block.elements;
    if (!Array.isArray(elements) || elements.length === 0) {
      this.add(`${path}.elements`, 'rich_text_elements_missing', Array.isArray(elements) ? 0 : 'missing');
      return;
    }
    elements.forEach((object, i) => {
      this.richTextObject(object, `${path}.elements[${i}]`, RICH_TEXT_OBJECTS);
    });
  }

  private richTextObject(object: unknown, path: string, allowed: ReadonlySet<string>): void {
    const type = isObj(object) && typeof object.type === 'string' ? object.type : undefined;
    if (!isObj(object) || type === undefined || !allowed.has(type)) {
      this.add(path, 'rich_text_element_invalid', type ?? 'missing');
      return;
    }
    const inner = object.elements;
    if (!Array.isArray(inner)) {
      this.add(`${path}.elements`, 'rich_text_elements_missing', 'missing');
      return;
    }
    if (type === 'rich_text_list') {
      const style = object.style;
      if (typeof style !== 'string' || !RICH_TEXT_LIST_STYLES.has(style)) {
        this.add(`${path}.style`, 'rich_text_element_invalid', typeof style === 'string' ? style : 'missing');
      }
      inner.forEach((section, i) => {
        this.richTextObject(section, `${path}.elements[${i}]`, new Set(['rich_text_section']));
      });
      return;
    }
    inner.forEach((leaf, i) => {
      const leafPath = `${path}.elements[${i}]`;
      if (!isObj(leaf) || typeof leaf.type !== 'string') this.add(leafPath, 'rich_text_element_invalid', 'missing');
      else if (leaf.type === 'text' && typeof leaf.text !== 'string')
        this.add(`${leafPath}.text`, 'rich_text_element_invalid', 'missing');
    });
  }

  /** Image block (`isBlock`) or image element (context blocks, section accessories). */
  private image(image: Obj, path: string, isBlock: boolean): void {
    const alt = image.alt_text;
    if (typeof alt !== 'string' || isBlank(alt)) {
      this.add(`${path}.alt_text`, 'image_alt_text_missing', typeof alt === 'string' ? alt.length : 'missing');
    } else {
      this.maxLength(alt, `${path}.alt_text`, 'image_alt_text_too_long', SLACK_LIMITS.imageAltText);
    }
    const url = image.image_url;
    const hasUrl = typeof url === 'string' && !isBlank(url);
    const hasFile = isObj(image.slack_file);
    if (!hasUrl && !hasFile) this.add(`${path}.image_url`, 'image_source_missing', 'missing');
    this.maxLength(url, `${path}.image_url`, 'image_url_too_long', SLACK_LIMITS.url);
    if (isBlock && image.title !== undefined) {
      this.textObject(image.title, `${path}.title`, {
        rule: 'image_title_too_long',
        limit: SLACK_LIMITS.imageTitle,
        plainOnly: true,
      });
    }
  }

  private table(block: Obj, path: string): void {
    this.tables.push(path);
    const settings = block.column_settings;
    if (Array.isArray(settings) && settings.length > SLACK_LIMITS.tableColumnSettings) {
      this.add(
        `${path}.column_settings`,
        'table_too_many_column_settings',
        settings.length,
        SLACK_LIMITS.tableColumnSettings,
      );
    }
    const rows = block.rows;
    if (!Array.isArray(rows) || rows.length === 0) {
      this.add(`${path}.rows`, 'table_rows_missing', Array.isArray(rows) ? 0 : 'missing');
      return;
    }
    if (rows.length > SLACK_LIMITS.tableRows) {
      this.add(`${path}.rows`, 'table_too_many_rows', rows.length, SLACK_LIMITS.tableRows);
    }
    let characters = 0;
    rows.forEach((row, r) => {
      const rowPath = `${path}.rows[${r}]`;
      if (!Array.isArray(row)) {
        this.add(rowPath, 'table_row_invalid', typeof row);
        return;
      }
      if (row.length > SLACK_LIMITS.tableCells) {
        this.add(rowPath, 'table_too_many_cells', row.length, SLACK_LIMITS.tableCells);
      }
      row.forEach((cell, c) => {
        const cellPath = `${rowPath}[${c}]`;
        if (!isObj(cell) || typeof cell.type !== 'string' || !TABLE_CELL_TYPES.has(cell.type)) {
          const type = isObj(cell) ? cell.type : undefined;
          this.add(cellPath, 'table_cell_invalid_type', typeof type === 'string' ? type : 'missing');
          return;
        }
        const text = cell.type === 'rich_text' ? richTextPlain(cell) : typeof cell.text === 'string' ? cell.text : '';
        characters += text.length;
        if (isBlank(text)) this.add(cellPath, 'table_cell_empty', text.length);
      });
    });
    if (characters > SLACK_LIMITS.tableCharacters) {
      this.add(`${path}.rows`, 'table_too_many_characters', characters, SLACK_LIMITS.tableCharacters);
    }
  }

  /** Blocks this module does not know: only ids and anything that looks like a text object. */
  private unknown(block: Obj, path: string, actionIds: Set<string>): void {
    const visit = (value: unknown, at: string): void => {
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          visit(item, `${at}[${i}]`);
        });
        return;
      }
      if (!isObj(value)) return;
      if (value !== block && typeof value.type === 'string' && TEXT_TYPES.has(value.type)) {
        this.textObject(value, at);
        return;
      }
      if (value !== block) this.actionId(value, at, actionIds);
      for (const [k, v] of Object.entries(value)) {
        if (value === block && k === 'block_id') continue;
        visit(v, `${at}.${k}`);
      }
    };
    visit(block, path);
  }

  private elementList(elements: unknown, path: string, actionIds: Set<string>, rule?: LimitRule, limit?: number): void {
    if (!Array.isArray(elements)) return;
    if (rule && limit !== undefined && elements.length > limit) this.add(path, rule, elements.length, limit);
    elements.forEach((el, i) => {
      this.element(el, `${path}[${i}]`, actionIds);
    });
  }

  private actionId(el: Obj, path: string, actionIds: Set<string>): void {
    const id = el.action_id;
    if (typeof id !== 'string') return;
    this.maxLength(id, `${path}.action_id`, 'action_id_too_long', SLACK_LIMITS.id);
    if (actionIds.has(id)) this.add(`${path}.action_id`, 'action_id_duplicate', id);
    else actionIds.add(id);
  }

  /** An interactive (or image) element inside a section, actions, input or context_actions block. */
  element(el: unknown, path: string, actionIds: Set<string>): void {
    if (!isObj(el)) return;
    this.actionId(el, path, actionIds);
    const type = typeof el.type === 'string' ? el.type : '';
    if (type === 'image') {
      this.image(el, path, false);
      return;
    }
    if (type === 'button' || type === 'workflow_button') {
      if (el.text === undefined) this.add(`${path}.text`, 'button_text_missing', 'missing');
      else
        this.textObject(el.text, `${path}.text`, {
          rule: 'button_text_too_long',
          limit: SLACK_LIMITS.buttonText,
          plainOnly: true,
        });
      this.maxLength(el.value, `${path}.value`, 'button_value_too_long', SLACK_LIMITS.buttonValue);
      this.maxLength(el.url, `${path}.url`, 'button_url_too_long', SLACK_LIMITS.url);
    } else if (isObj(el.text)) {
      this.textObject(el.text, `${path}.text`);
    }
    this.maxLength(
      el.accessibility_label,
      `${path}.accessibility_label`,
      'accessibility_label_too_long',
      SLACK_LIMITS.accessibilityLabel,
    );
    if (el.placeholder !== undefined) {
      this.textObject(el.placeholder, `${path}.placeholder`, {
        rule: 'placeholder_too_long',
        limit: SLACK_LIMITS.placeholder,
        plainOnly: true,
      });
    }
    if (type === 'plain_text_input') {
      for (const key of ['max_length', 'min_length'] as const) {
        const n = el[key];
        if (typeof n === 'number' && n > SLACK_LIMITS.plainTextInputLength) {
          const rule = key === 'max_length' ? 'max_length_too_large' : 'min_length_too_large';
          this.add(`${path}.${key}`, rule, n, SLACK_LIMITS.plainTextInputLength);
        }
      }
    }
    // Radio buttons and checkboxes accept mrkdwn option text; menus (selects, overflow) only plain_text.
    const plainOptions = type !== 'radio_buttons' && type !== 'checkboxes';
    const maxOptions =
      type === 'checkboxes'
        ? SLACK_LIMITS.checkboxOptions
        : type === 'radio_buttons'
          ? SLACK_LIMITS.radioOptions
          : type === 'overflow'
            ? SLACK_LIMITS.overflowOptions
            : SLACK_LIMITS.staticSelectOptions;
    if (Array.isArray(el.options)) {
      if (el.options.length > maxOptions)
        this.add(`${path}.options`, 'too_many_options', el.options.length, maxOptions);
      el.options.forEach((opt, i) => {
        this.option(opt, `${path}.options[${i}]`, plainOptions);
      });
    }
    if (Array.isArray(el.option_groups)) {
      const groups = el.option_groups;
      if (groups.length > SLACK_LIMITS.optionGroups) {
        this.add(`${path}.option_groups`, 'too_many_option_groups', groups.length, SLACK_LIMITS.optionGroups);
      }
      groups.forEach((group, g) => {
        const groupPath = `${path}.option_groups[${g}]`;
        if (!isObj(group)) return;
        if (group.label !== undefined) {
          this.textObject(group.label, `${groupPath}.label`, {
            rule: 'option_group_label_too_long',
            limit: SLACK_LIMITS.optionGroupLabel,
            plainOnly: true,
          });
        }
        if (Array.isArray(group.options)) {
          if (group.options.length > SLACK_LIMITS.staticSelectOptions) {
            this.add(
              `${groupPath}.options`,
              'too_many_options',
              group.options.length,
              SLACK_LIMITS.staticSelectOptions,
            );
          }
          group.options.forEach((opt, i) => {
            this.option(opt, `${groupPath}.options[${i}]`, true);
          });
        }
      });
    }
    if (el.initial_option !== undefined) this.option(el.initial_option, `${path}.initial_option`, plainOptions);
    if (Array.isArray(el.initial_options)) {
      el.initial_options.forEach((opt, i) => {
        this.option(opt, `${path}.initial_options[${i}]`, plainOptions);
      });
    }
    if (el.confirm !== undefined) this.confirm(el.confirm, `${path}.confirm`);
  }

  private option(opt: unknown, path: string, plainOnly: boolean): void {
    if (!isObj(opt)) {
      this.add(path, 'option_text_missing', opt === null ? 'null' : typeof opt);
      return;
    }
    if (opt.text === undefined) this.add(`${path}.text`, 'option_text_missing', 'missing');
    else
      this.textObject(opt.text, `${path}.text`, {
        rule: 'option_text_too_long',
        limit: SLACK_LIMITS.optionText,
        plainOnly,
      });
    this.maxLength(opt.value, `${path}.value`, 'option_value_too_long', SLACK_LIMITS.optionValue);
    if (opt.description !== undefined) {
      this.textObject(opt.description, `${path}.description`, {
        rule: 'option_description_too_long',
        limit: SLACK_LIMITS.optionDescription,
      });
    }
    this.maxLength(opt.url, `${path}.url`, 'option_url_too_long', SLACK_LIMITS.url);
  }

  private confirm(confirm: unknown, path: string): void {
    if (!isObj(confirm)) return;
    const plain = (rule: LimitRule, limit: number): TextRule => ({ rule, limit, plainOnly: true });
    if (confirm.title !== undefined) {
      this.textObject(confirm.title, `${path}.title`, plain('confirm_title_too_long', SLACK_LIMITS.confirmTitle));
    }
    if (confirm.text !== undefined) {
      this.textObject(confirm.text, `${path}.text`, { rule: 'confirm_text_too_long', limit: SLACK_LIMITS.confirmText });
    }
    for (const key of ['confirm', 'deny'] as const) {
      if (confirm[key] !== undefined) {
        this.textObject(confirm[key], `${path}.${key}`, plain('confirm_button_too_long', SLACK_LIMITS.confirmButton));
      }
    }
  }
}

/** The plain text of a rich_text object (table cells): every `text` leaf, with links, mentions and emoji as words. */
function richTextPlain(node: unknown): string {
  if (Array.isArray(node)) return node.map(richTextPlain).join('');
  if (!isObj(node)) return '';
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? node.text : '';
    case 'link':
      return typeof node.text === 'string' && node.text !== '' ? node.text : String(node.url ?? '');
    case 'emoji':
      return `:${String(node.name ?? '')}:`;
    case 'user':
      return `@${String(node.user_id ?? '')}`;
    case 'channel':
      return `#${String(node.channel_id ?? '')}`;
    case 'usergroup':
      return `@${String(node.usergroup_id ?? '')}`;
    case 'broadcast':
      return `@${String(node.range ?? '')}`;
    case 'date':
      return typeof node.fallback === 'string' ? node.fallback : String(node.timestamp ?? '');
    default:
      return richTextPlain(node.elements);
  }
}

/** Every limit a chat.postMessage / response_url payload breaks (empty when it is fine). */
export function checkMessage(message: { text?: string; blocks?: unknown[] }): LimitViolation[] {
  const c = new Checker('message');
  const text: unknown = message.text;
  if (typeof text !== 'string') c.add('text', 'message_text_missing', 'missing');
  else if (isBlank(text)) c.add('text', 'message_text_empty', text.length);
  else c.maxLength(text, 'text', 'message_text_too_long', SLACK_LIMITS.messageText);
  c.blocks(message.blocks, SLACK_LIMITS.messageBlocks);
  c.tables.slice(SLACK_LIMITS.tablesPerMessage).forEach((path, i) => {
    c.add(path, 'too_many_tables', SLACK_LIMITS.tablesPerMessage + i + 1, SLACK_LIMITS.tablesPerMessage);
  });
  return c.violations;
}

/** Every limit a modal (views.open/update/push) or App Home view (views.publish) breaks. */
export function checkView(view: {
  type: 'modal' | 'home';
  blocks: unknown[];
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  private_metadata?: string;
  callback_id?: string;
  external_id?: string;
}): LimitViolation[] {
  const c = new Checker('view');
  if (view.type === 'modal') {
    if (view.title === undefined) c.add('title', 'view_title_missing', 'missing');
    else
      c.textObject(view.title, 'title', {
        rule: 'view_title_too_long',
        limit: SLACK_LIMITS.viewTitle,
        plainOnly: true,
      });
    if (view.submit !== undefined) {
      c.textObject(view.submit, 'submit', {
        rule: 'view_submit_too_long',
        limit: SLACK_LIMITS.viewSubmit,
        plainOnly: true,
      });
    } else if (Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input')) {
      c.add('submit', 'view_submit_missing', 'missing');
    }
    if (view.close !== undefined) {
      c.textObject(view.close, 'close', {
        rule: 'view_close_too_long',
        limit: SLACK_LIMITS.viewClose,
        plainOnly: true,
      });
    }
  }
  c.maxLength(view.private_metadata, 'private_metadata', 'private_metadata_too_long', SLACK_LIMITS.privateMetadata);
  c.maxLength(view.callback_id, 'callback_id', 'callback_id_too_long', SLACK_LIMITS.id);
  c.maxLength(view.external_id, 'external_id', 'external_id_too_long', SLACK_LIMITS.id);
  c.blocks(view.blocks, SLACK_LIMITS.viewBlocks);
  return c.violations;
}

/** One line per violation, e.g. `blocks[3].text.text: section_text_too_long (3012 > 3000)`. */
export function formatViolations(violations: readonly LimitViolation[]): string {
  return violations
    .map((v) => `${v.path}: ${v.rule} (${v.limit === undefined ? String(v.actual) : `${v.actual} > ${v.limit}`})`)
    .join('\n');
}

export class BlockKitLimitError extends Error {
  readonly violations: LimitViolation[];
  constructor(kind: 'message' | 'view', violations: LimitViolation[]) {
    const n = violations.length;
    super(`Slack ${kind} breaks ${n} Block Kit limit${n === 1 ? '' : 's'}:\n${formatViolations(violations)}`);
    this.name = 'BlockKitLimitError';
    this.violations = violations;
  }
}

/**
 * Throws a `BlockKitLimitError` listing every violation (or a TypeError when `payload` is not a message/view object).
 * Use it in tests and as a guard right before chat.postMessage / views.open.
 */
export function assertWithinLimits(kind: 'message' | 'view', payload: unknown): void {
  if (!isObj(payload))
    throw new TypeError(`Slack ${kind} must be an object, got ${payload === null ? 'null' : typeof payload}`);
  let violations: LimitViolation[];
  if (kind === 'message') {
    violations = checkMessage(payload as { text?: string; blocks?: unknown[] });
  } else {
    if (payload.type !== 'modal' && payload.type !== 'home') {
      throw new TypeError(`Slack view type must be 'modal' or 'home', got ${String(payload.type)}`);
    }
    violations = checkView(payload as Parameters<typeof checkView>[0]);
  }
  if (violations.length > 0) throw new BlockKitLimitError(kind, violations);
}
