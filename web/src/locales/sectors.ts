/**
 * The sectors' texts (the organizer's list, and the choice of an organization's sectors), French
 * then English (same keys; the type checks it). `pages` holds the namespaces, merged at the top level
 * of fr.ts / en.ts; the error codes' sentences are in errors.ts.
 */
export const fr = {
  pages: {
    sectorList: {
      nav: 'Filières',
      back: '← Tableau de bord',
      title: 'Filières',
      lead: 'Les structures choisissent leurs filières dans cette liste. Ce qu’elles écrivent autrement (« agro-alimentaire » pour « Alimentation ») y est ramené grâce aux autres écritures.',
      count_zero: 'Aucune filière : les structures écrivent librement les leurs.',
      count_one: '1 filière',
      count_other: '{{count}} filières',
      caption: 'Les filières et les structures qui les ont',
      label: 'Filière',
      aliases: 'Autres écritures',
      organizations: 'Structures',
      actions: 'Actions',
      add: 'Ajouter une filière',
      newLabel: 'Nom de la filière',
      newAliases: 'Autres écritures (facultatif)',
      aliasesHint: 'Séparées par des virgules, par exemple : agro-alimentaire, agroalimentaire.',
      submitAdd: 'Ajouter la filière',
      added: 'Filière « {{label}} » ajoutée.',
      edit: 'Modifier',
      editLabel: 'Modifier « {{label}} »',
      editTitle: 'Modifier « {{label}} »',
      renameHint:
        'Renommée, la filière garde son ancien nom parmi ses autres écritures, et les structures qui l’avaient passent au nouveau.',
      save: 'Enregistrer',
      cancel: 'Annuler',
      saved: 'Filière « {{label}} » enregistrée.',
      mergeInto: 'Fusionner « {{label}} » dans',
      choose: 'Choisir une filière',
      merge: 'Fusionner…',
      mergeLabel: 'Fusionner « {{label}} » dans une autre filière',
      mergeConfirm_zero:
        'Fusionner « {{from}} » dans « {{into}} » ? Son nom et ses autres écritures deviennent des écritures de « {{into}} ».',
      mergeConfirm_one:
        'Fusionner « {{from}} » dans « {{into}} » ? Sa structure passe à « {{into}} », son nom et ses autres écritures y sont ramenés.',
      mergeConfirm_other:
        'Fusionner « {{from}} » dans « {{into}} » ? Ses {{count}} structures passent à « {{into}} », son nom et ses autres écritures y sont ramenés.',
      confirmMerge: 'Confirmer la fusion',
      merged: '« {{from}} » fusionnée dans « {{into}} ».',
      delete: 'Supprimer',
      deleteLabel: 'Supprimer « {{label}} »',
      used_one: 'Utilisée par 1 structure : fusionnez-la plutôt que de la supprimer.',
      used_other: 'Utilisée par {{count}} structures : fusionnez-la plutôt que de la supprimer.',
      deleted: 'Filière « {{label}} » supprimée.',
      none: '—',
    },
    sectorPicker: {
      hint: 'Cochez une ou plusieurs filières.',
      freeHint: 'Séparées par des virgules, ex. alimentation, circuits courts.',
    },
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: { pages: Shape<typeof fr.pages> } = {
  pages: {
    sectorList: {
      nav: 'Sectors',
      back: '← Dashboard',
      title: 'Sectors',
      lead: 'Organizations choose their sectors from this list. What they write otherwise ("agro-alimentaire" for "Alimentation") is brought back to it through the other spellings.',
      count_zero: 'No sector: organizations write their own freely.',
      count_one: '1 sector',
      count_other: '{{count}} sectors',
      caption: 'The sectors and the organizations that have them',
      label: 'Sector',
      aliases: 'Other spellings',
      organizations: 'Organizations',
      actions: 'Actions',
      add: 'Add a sector',
      newLabel: 'Name of the sector',
      newAliases: 'Other spellings (optional)',
      aliasesHint: 'Separated by commas, for instance: agro-alimentaire, agroalimentaire.',
      submitAdd: 'Add the sector',
      added: 'Sector "{{label}}" added.',
      edit: 'Edit',
      editLabel: 'Edit "{{label}}"',
      editTitle: 'Edit "{{label}}"',
      renameHint:
        'Renamed, the sector keeps its old name among its other spellings, and the organizations that had it move to the new one.',
      save: 'Save',
      cancel: 'Cancel',
      saved: 'Sector "{{label}}" saved.',
      mergeInto: 'Merge "{{label}}" into',
      choose: 'Choose a sector',
      merge: 'Merge…',
      mergeLabel: 'Merge "{{label}}" into another sector',
      mergeConfirm_zero:
        'Merge "{{from}}" into "{{into}}"? Its name and other spellings become spellings of "{{into}}".',
      mergeConfirm_one:
        'Merge "{{from}}" into "{{into}}"? Its organization moves to "{{into}}", and its name and other spellings with it.',
      mergeConfirm_other:
        'Merge "{{from}}" into "{{into}}"? Its {{count}} organizations move to "{{into}}", and its name and other spellings with them.',
      confirmMerge: 'Confirm the merge',
      merged: '"{{from}}" merged into "{{into}}".',
      delete: 'Delete',
      deleteLabel: 'Delete "{{label}}"',
      used_one: 'Used by 1 organization: merge it rather than delete it.',
      used_other: 'Used by {{count}} organizations: merge it rather than delete it.',
      deleted: 'Sector "{{label}}" deleted.',
      none: '—',
    },
    sectorPicker: {
      hint: 'Tick one or more sectors.',
      freeHint: 'Separated by commas, e.g. food, short supply chains.',
    },
  },
};
