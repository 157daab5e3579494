/**
 * Lead retrieval at the stands (the exhibitor's "Scanner un visiteur" page), French then English
 * (same keys; the type checks it). `pages` is merged at the top level of fr.ts / en.ts, `errors`
 * into `errors`, as teams.ts does.
 */
export const fr = {
  pages: {
    leads: {
      nav: 'Scanner un visiteur',
      title: 'Scanner un visiteur',
      lead: 'Saisissez le code imprimé sous le QR code du badge. Vous gardez les coordonnées des visiteurs qui l’ont accepté à leur inscription ; toute l’équipe du stand les voit, personne d’autre.',
      code: 'Code du badge',
      hint: 'Par exemple CVT-7K78-DMW3.',
      submit: 'Enregistrer le contact',
      added: '{{name}} est ajouté(e) à vos contacts.',
      already: '{{name}} était déjà dans vos contacts.',
      list: 'Mes contacts ({{count}})',
      empty:
        'Aucun contact pour l’instant : scannez le badge des visiteurs qui passent à votre stand.',
      csv: 'Télécharger mes contacts (CSV)',
      scanned: 'Scanné le {{day}} à {{time}}',
      scannedBy: 'Scanné le {{day}} à {{time}} par {{name}}',
      email: 'E-mail',
      phone: 'Téléphone',
      withdrawn: 'Cette personne a retiré son accord : ses coordonnées ne sont plus affichées.',
      note: 'Note',
      noteHint: 'Ce dont vous avez parlé, la suite à donner. Visible de votre équipe seulement.',
      rating: 'Intérêt',
      noRating: 'non noté',
      stars: '{{count}} sur 5',
      save: 'Enregistrer',
      saved: 'Enregistré.',
      notExhibitor: 'Cette page est réservée aux exposants de l’édition.',
    },
  },
  errors: {
    'lead/unknown_badge': 'Aucun badge avec ce code dans cette édition. Vérifiez le code.',
    'lead/no_consent':
      'Ce visiteur n’a pas accepté que les exposants gardent ses coordonnées : rien n’a été enregistré.',
    'lead/not_a_visitor': 'Ce badge est celui d’un exposant : seuls les visiteurs sont scannés.',
    'lead/own_staff': 'Ce badge est celui d’un membre de votre équipe.',
    'lead/scan_id_taken': 'Ce scan porte le numéro d’un autre : scannez à nouveau le badge.',
    'lead/scanned_in_future':
      'L’heure du scan est dans le futur : vérifiez l’heure de votre téléphone.',
    'lead/scanned_before_edition': 'L’heure du scan est antérieure à la convention d’affaires.',
    'lead/not_found': 'Ce contact n’existe pas ou n’est pas celui de votre stand.',
    'lead/stands_only': 'Seuls les membres d’un stand de cette édition scannent les visiteurs.',
  } as Record<string, string>,
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: { pages: Shape<typeof fr.pages>; errors: Record<string, string> } = {
  pages: {
    leads: {
      nav: 'Scan a visitor',
      title: 'Scan a visitor',
      lead: 'Type the code printed under the badge’s QR code. You keep the contact details of the visitors who agreed to it when they registered; your whole stand team sees them, nobody else.',
      code: 'Badge code',
      hint: 'For instance CVT-7K78-DMW3.',
      submit: 'Save the contact',
      added: '{{name}} was added to your contacts.',
      already: '{{name}} was already in your contacts.',
      list: 'My contacts ({{count}})',
      empty: 'No contact yet: scan the badges of the visitors who stop by your stand.',
      csv: 'Download my contacts (CSV)',
      scanned: 'Scanned on {{day}} at {{time}}',
      scannedBy: 'Scanned on {{day}} at {{time}} by {{name}}',
      email: 'Email',
      phone: 'Phone',
      withdrawn: 'This person withdrew their consent: their contact details are no longer shown.',
      note: 'Note',
      noteHint: 'What you talked about, what to do next. Seen by your team only.',
      rating: 'Interest',
      noRating: 'not rated',
      stars: '{{count}} out of 5',
      save: 'Save',
      saved: 'Saved.',
      notExhibitor: 'This page is for the edition’s exhibitors.',
    },
  },
  errors: {
    'lead/unknown_badge': 'No badge with this code in this edition. Check the code.',
    'lead/no_consent':
      'This visitor did not agree that exhibitors keep their contact details: nothing was recorded.',
    'lead/not_a_visitor': 'This is an exhibitor’s badge: only visitors are scanned.',
    'lead/own_staff': 'This badge belongs to a member of your team.',
    'lead/scan_id_taken': 'This scan carries the number of another one: scan the badge again.',
    'lead/scanned_in_future': 'The scan’s time is in the future: check your phone’s clock.',
    'lead/scanned_before_edition': 'The scan’s time is before the business convention.',
    'lead/not_found': 'This contact does not exist or is not your stand’s.',
    'lead/stands_only': 'Only the members of a stand at this edition scan visitors.',
  },
};
