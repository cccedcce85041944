// Types of @banditore/checker/ckeditor5, with the augmentation of CKEditor 5's EditorConfig,
// PluginsMap and CommandsMap (the way CKEditor's own packages declare theirs).
import { Plugin, Command } from 'ckeditor5';
import type { CheckerController, EditorCheckerOptions, GateVerdict } from './index.js';

export type BanditoreConfig = EditorCheckerOptions;

/** Runs the pre-send gate; its value is the number of problems (errors and warnings), null before the first report. */
export declare class BanditoreCheckCommand extends Command {
  value: number | null;
  execute(): Promise<GateVerdict | null>;
}

export declare class BanditoreCheckerEditing extends Plugin {
  static get pluginName(): 'BanditoreCheckerEditing';
  static get isOfficialPlugin(): false;
  readonly controller: CheckerController | null;
}

/** The `banditoreCheck` toolbar button. */
export declare class BanditoreCheckerUI extends Plugin {
  static get pluginName(): 'BanditoreCheckerUI';
  static get isOfficialPlugin(): false;
}

/** Add this one: it requires the editing and UI parts. */
export declare class BanditoreChecker extends Plugin {
  static get pluginName(): 'BanditoreChecker';
  static get requires(): readonly [typeof BanditoreCheckerEditing, typeof BanditoreCheckerUI];
  static get isOfficialPlugin(): false;
  readonly controller: CheckerController | null;
}

declare module '@ckeditor/ckeditor5-core' {
  interface EditorConfig {
    /** Banditore's pre-send checker (`@banditore/checker/ckeditor5`). */
    banditore?: BanditoreConfig;
  }
  interface PluginsMap {
    [BanditoreChecker.pluginName]: BanditoreChecker;
    [BanditoreCheckerEditing.pluginName]: BanditoreCheckerEditing;
    [BanditoreCheckerUI.pluginName]: BanditoreCheckerUI;
  }
  interface CommandsMap {
    banditoreCheck: BanditoreCheckCommand;
  }
}
