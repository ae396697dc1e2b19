// Nordlicht Sportswear: a German brand. Google Merchant Center TSV, EUR,
// ~300 items, German copy. This file holds the brand's vocabulary and its TSV
// renderer; the shared logic is in ../shared.mjs and ../customers.mjs.

import { SETC, L, slug, money, buildStyles, assignLaunch, copyParts } from '../shared.mjs';
import { segmentFormat } from '../customers.mjs';

const NORDLICHT = {
  key: 'nordlicht',
  brand: 'Nordlicht Sportswear',
  site: 'https://www.nordlicht-sport.example',
  currency: 'EUR',
  colours: [
    ['Schwarz', '001'], ['Marine', '410'], ['Anthrazit', '020'], ['Salbei', '530'], ['Sand', '210'], ['Altrosa', '350'],
    ['Weiß', '100'], ['Graumeliert', '030'], ['Bordeaux', '390'], ['Tannengrün', '560'], ['Ocker', '240'], ['Taupe', '220'],
    ['Himmelblau', '420'],
  ],
  sizes: {
    wn: ['34', '36', '38', '40', '42', '44'],
    wa: ['XS', 'S', 'M', 'L', 'XL'],
    ma: ['S', 'M', 'L', 'XL', 'XXL'],
    sock: ['35-38', '39-42', '43-46'],
    os: ['Einheitsgröße'],
  },
  fabrics: {
    soft: { name: 'SoftTouch-Jersey', comp: '78 % Polyamid (recycelt), 22 % Elasthan', mat: 'Polyamid/Elasthan', feel: 'federleicht und angenehm weich' },
    ripp: { name: 'Rippenjersey', comp: '80 % Polyamid, 20 % Elasthan', mat: 'Polyamid/Elasthan', feel: 'weich gerippt und elastisch' },
    kraft: { name: 'formgebendem Funktionsstoff', comp: '70 % Polyamid, 30 % Elasthan', mat: 'Polyamid/Elasthan', feel: 'formend, blickdicht und squat-proof' },
    seam: { name: 'nahtlosem Strick', comp: '92 % Polyamid, 8 % Elasthan', mat: 'Polyamid', feel: 'nahtlos mit Scrunch-Effekt am Po' },
    kompr: { name: 'Kompressionsgewebe', comp: '72 % Polyester (recycelt), 28 % Elasthan', mat: 'Polyester/Elasthan', feel: 'stützend, schnelltrocknend und atmungsaktiv' },
    thermo: { name: 'angerautem Thermo-Gewebe', comp: '70 % Polyester, 30 % Elasthan, innen angeraut', mat: 'Polyester/Elasthan', feel: 'innen angeraut und wärmend' },
    woven: { name: 'robustem Stretch-Webstoff', comp: '86 % Polyamid, 14 % Elasthan', mat: 'Polyamid/Elasthan', feel: 'strapazierfähig und wasserabweisend' },
    bio: { name: 'Bio-Baumwolle', comp: '100 % Baumwolle (kbA)', mat: 'Baumwolle', feel: 'weich und atmungsaktiv' },
    funktion: { name: 'Funktionsjersey', comp: '90 % Polyester (recycelt), 10 % Elasthan', mat: 'Polyester', feel: 'leicht, atmungsaktiv und schnelltrocknend' },
    sweat: { name: 'Bio-Sweat', comp: '80 % Baumwolle (kbA), 20 % Polyester (recycelt)', mat: 'Baumwolle/Polyester', feel: 'kuschelig weich und innen angeraut' },
    wind: { name: 'winddichtem Ripstop', comp: '100 % Polyamid (recycelt), PFC-frei imprägniert', mat: 'Polyamid', feel: 'winddicht, wasserabweisend und leicht' },
    stepp: { name: 'wattiertem Steppgewebe', comp: 'Obermaterial: 100 % Polyamid (recycelt). Wattierung: 100 % Polyester (recycelt)', mat: 'Polyamid/Polyester', feel: 'warm und trotzdem leicht' },
    daune: { name: 'Daunen', comp: 'Obermaterial: 100 % Polyamid. Füllung: 90 % Daunen, 10 % Federn (RDS-zertifiziert)', mat: 'Polyamid/Daune', feel: 'warm und federleicht' },
    teddy: { name: 'Teddyfleece', comp: '100 % Polyester (recycelt)', mat: 'Polyester', feel: 'flauschig und kuschelig warm' },
    samt: { name: 'Stretch-Samt', comp: '90 % Polyester, 10 % Elasthan', mat: 'Polyester/Elasthan', feel: 'samtig weich mit leichtem Glanz' },
  },
};

NORDLICHT.lines = [
  L('leggings', 'yoga-legging', 'W', 'Yoga Leggings Aura', 79.95, { st: 1, best: 1, s: 'core', fab: 'soft' }),
  L('leggings', 'yoga-legging', 'W', 'Yoga Leggings Aura 7/8', 79.95, { st: 1, s: 'core', fab: 'soft' }),
  L('leggings', 'yoga-legging', 'W', 'Pilates Leggings Balance', 74.95, { st: 1, s: 'new', fab: 'soft' }),
  L('leggings', 'flare-legging', 'W', 'Flared Leggings Lotus', 84.95, { st: 1, s: 'recent', fab: 'soft' }),
  L('leggings', 'train-legging', 'W', 'Trainingsleggings Kraft', 69.95, { best: 1, s: 'core', fab: 'kraft' }),
  L('leggings', 'train-legging', 'W', 'Scrunch Leggings Form', 59.95, { s: 'old', fab: 'seam' }),
  L('leggings', 'run-tight', 'W', 'Lauftights Tempo', 99.95, { best: 1, s: 'core', fab: 'kompr' }),
  L('leggings', 'run-tight', 'W', 'Lauftights Tempo 3/4', 89.95, { s: 'old', fab: 'kompr' }),
  L('leggings', 'thermal-tight', 'W', 'Thermo-Lauftights Frost', 109.95, { s: 'new', fab: 'thermo' }),
  L('leggings', 'hike-legging', 'W', 'Outdoor-Leggings Alpin', 94.95, { s: 'recent', fab: 'woven' }),
  L('leggings', 'lounge-legging', 'W', 'Baumwoll-Leggings Basic', 39.95, { s: 'core', fab: 'bio' }),
  L('leggings', 'run-tight', 'M', 'Herren Lauftights Tempo', 89.95, { s: 'core', fab: 'kompr' }),
  L('bra', 'bra-low', 'W', 'Sport-BH Aura \u2013 leichter Halt', 49.95, { st: 1, best: 1, s: 'core', fab: 'soft' }),
  L('bra', 'bra-low', 'W', 'Yoga-Bralette Lotus', 44.95, { st: 1, s: 'recent', fab: 'soft' }),
  L('bra', 'bra-medium', 'W', 'Sport-BH Kraft \u2013 mittlerer Halt', 54.95, { s: 'core', fab: 'kraft' }),
  L('bra', 'bra-high', 'W', 'Lauf-BH Tempo \u2013 starker Halt', 69.95, { best: 1, s: 'core', fab: 'kompr' }),
  L('bra', 'bra-high', 'W', 'Sport-BH Impuls mit Frontreißverschluss', 74.95, { s: 'new', fab: 'kompr' }),
  L('top', 'studio-tank', 'W', 'Yoga-Top Aura', 44.95, { st: 1, s: 'core', fab: 'soft' }),
  L('top', 'studio-ls', 'W', 'Rippshirt Langarm Lotus', 54.95, { st: 1, s: 'recent', fab: 'ripp' }),
  L('top', 'tee', 'W', 'T-Shirt Basic Bio-Baumwolle', 29.95, { best: 1, s: 'core', fab: 'bio' }),
  L('top', 'tee', 'W', 'Oversize T-Shirt', 34.95, { s: 'recent', fab: 'bio' }),
  L('top', 'tank', 'W', 'Tanktop Racerback', 29.95, { s: 'old', fab: 'funktion' }),
  L('top', 'run-tee', 'W', 'Laufshirt Tempo', 44.95, { s: 'core', fab: 'funktion' }),
  L('top', 'run-tee', 'W', 'Langarm-Laufshirt Tempo', 54.95, { s: 'recent', fab: 'funktion' }),
  L('top', 'long-sleeve', 'W', 'Waffel-Longsleeve', 44.95, { s: 'new', fab: 'bio' }),
  L('top', 'run-tee', 'M', 'Herren Funktionsshirt Tempo', 39.95, { s: 'core', fab: 'funktion' }),
  L('top', 'tee', 'M', 'Herren T-Shirt Bio-Baumwolle', 29.95, { best: 1, s: 'core', fab: 'bio' }),
  L('bottom', 'jogger', 'W', 'Jogginghose Wochenende', 69.95, { best: 1, s: 'core', fab: 'sweat' }),
  L('bottom', 'sweatpant', 'W', 'Sweatpants Relaxed', 64.95, { s: 'recent', fab: 'sweat' }),
  L('bottom', 'wide-pant', 'W', 'Weite Sweathose', 69.95, { s: 'old', fab: 'sweat' }),
  L('bottom', 'run-short', 'W', 'Laufshorts Tempo', 39.95, { s: 'core', fab: 'funktion' }),
  L('bottom', 'biker-short', 'W', 'Radlerhose Kraft', 44.95, { s: 'core', fab: 'kraft' }),
  L('bottom', 'lounge-short', 'W', 'Sweatshorts', 39.95, { s: 'recent', fab: 'sweat' }),
  L('bottom', 'jogger', 'M', 'Herren Jogginghose', 69.95, { s: 'core', fab: 'sweat' }),
  L('bottom', 'run-short', 'M', 'Herren Laufshorts 2-in-1', 49.95, { s: 'core', fab: 'funktion' }),
  L('bottom', 'lounge-short', 'M', 'Herren Sweatshorts', 44.95, { s: 'recent', fab: 'sweat' }),
  L('layer', 'hoodie', 'W', 'Hoodie Wochenende', 79.95, { best: 1, s: 'core', fab: 'sweat' }),
  L('layer', 'zip-hoodie', 'W', 'Sweatjacke mit Kapuze', 84.95, { s: 'recent', fab: 'sweat' }),
  L('layer', 'crew-sweat', 'W', 'Sweatshirt Basic', 64.95, { s: 'core', fab: 'sweat' }),
  L('layer', 'run-jacket', 'W', 'Laufjacke Tempo', 119.95, { s: 'core', fab: 'wind' }),
  L('layer', 'puffer', 'W', 'Steppjacke Frost', 179.95, { s: 'new', fab: 'stepp' }),
  L('layer', 'gilet', 'W', 'Daunenweste Frost', 139.95, { s: 'recent', fab: 'daune' }),
  L('layer', 'fleece', 'W', 'Teddyfleece-Jacke', 99.95, { s: 'new', fab: 'teddy' }),
  L('layer', 'half-zip', 'W', 'Troyer mit Halfzip', 79.95, { s: 'old', fab: 'sweat' }),
  L('layer', 'shacket', 'W', 'Gesteppte Hemdjacke', 109.95, { s: 'recent', fab: 'stepp' }),
  L('layer', 'wrap', 'W', 'Yoga-Wickeljacke Lotus', 89.95, { s: 'old', fab: 'ripp' }),
  L('layer', 'hoodie', 'M', 'Herren Hoodie', 79.95, { s: 'core', fab: 'sweat' }),
  L('layer', 'run-jacket', 'M', 'Herren Laufjacke Tempo', 119.95, { s: 'core', fab: 'wind' }),
  L('layer', 'gilet', 'M', 'Herren Steppweste', 119.95, { s: 'new', fab: 'stepp' }),
  L('set', 'set-bundle', 'W', 'Set Aura: Sport-BH + Leggings', 119.95, { s: 'core', fab: 'soft', pieces: 'Sport-BH Aura und Yoga Leggings Aura', contains: ['bra', 'leggings'] }),
  L('set', 'set-lounge', 'W', 'Lounge-Set Wochenende', 129.95, { s: 'recent', fab: 'sweat', pieces: 'Sweatshirt Basic und Jogginghose Wochenende', contains: ['layer', 'bottom'] }),
  L('set', 'set-court', 'W', 'Tennis-Set Court', 89.95, { s: 'old', fab: 'funktion', pieces: 'Tanktop und Faltenrock mit Innenhose', contains: ['top', 'bottom'] }),
  ...SETC('Welle', { s: 'new', fab: 'ripp' }, [
    ['bra-low', 'bra', 'Rippen-Bra Welle', 44.95],
    ['yoga-legging', 'leggings', 'Rippen-Leggings Welle', 74.95],
    ['biker-short', 'bottom', 'Rippen-Shorts Welle', 44.95],
  ]),
  ...SETC('Glanz', { s: 'new', fab: 'samt' }, [
    ['zip-hoodie', 'layer', 'Samtjacke Glanz', 89.95],
    ['wide-pant', 'bottom', 'Samt-Schlaghose Glanz', 79.95],
  ]),
  L('onepiece', 'onepiece', 'W', 'Jumpsuit Lotus', 89.95, { s: 'recent', fab: 'soft' }),
  L('accessory', 'socks', 'U', 'Sportsocken 3er-Pack', 14.95, { s: 'core', best: 1, sz: 'sock', mat: 'Baumwolle/Polyamid' }),
  L('accessory', 'socks', 'W', 'Yoga-Socken mit Noppen', 12.95, { s: 'recent', sz: 'sock', mat: 'Baumwolle/Silikon' }),
  L('accessory', 'headband', 'U', 'Stirnband', 14.95, { s: 'core', mat: 'Polyamid/Elasthan' }),
  L('accessory', 'hairties', 'W', 'Haargummis 3er-Set', 9.95, { s: 'core', mat: 'Polyester' }),
  L('accessory', 'cap', 'U', 'Laufkappe', 24.95, { s: 'recent', mat: 'Polyester' }),
  L('accessory', 'beanie', 'U', 'Rippstrickmütze', 24.95, { s: 'new', mat: 'Merinowolle' }),
  L('accessory', 'gloves', 'U', 'Laufhandschuhe', 19.95, { s: 'old', mat: 'Polyester/Elasthan' }),
  L('accessory', 'bottle', 'U', 'Trinkflasche Edelstahl 750 ml', 24.95, { s: 'core', mat: 'Edelstahl' }),
  L('accessory', 'mat', 'U', 'Yogamatte Naturkautschuk 4 mm', 79.95, { s: 'core', mat: 'Naturkautschuk' }),
  L('accessory', 'block', 'U', 'Yoga-Block Kork', 19.95, { s: 'core', mat: 'Kork' }),
  L('accessory', 'tote', 'U', 'Turnbeutel', 19.95, { s: 'recent', mat: 'Baumwolle' }),
  L('accessory', 'duffel', 'U', 'Sporttasche 35 l', 59.95, { s: 'core', mat: 'Polyester (recycelt)' }),
];

// ------------------------------------------------------------ catalog numbers
// Read by the shared catalog steps in ../shared.mjs.

// buildStyles: style numbers (item_group_id 40103, ...), how many colours
// (1-3) and how many sizes (2-4) a style comes in.
NORDLICHT.styles = {
  firstNo: 40100,
  step: [3, 27],
  gid: (no) => String(no),
  colourWeights: { accessory: [0.4, 0.4, 0.2], other: [0.4, 0.45, 0.15] },
  sizeCountWeights: [0.35, 0.4, 0.25],
};

// sizeKey: 60% of women's leggings use numeric sizes (34-44), the rest letters.
NORDLICHT.numericSizes = { key: 'wn', families: ['leggings'], p: 0.6 };

// addItems: sale prices end in ,95 or ,99 like the list prices.
NORDLICHT.salePrice = (priceC, R) => Math.floor((priceC * R.float(0.55, 0.8)) / 100) * 100 + (R.chance(0.7) ? 95 : 99);
NORDLICHT.skuStem = (g) => g.gid;
NORDLICHT.outOfStock = 0.07;

// assignLaunch: the launch window of each season label (custom_label_0, set in describe).
NORDLICHT.launchWindows = {
  Basics: ['2021-01-15', '2024-03-01'], Bestseller: ['2021-01-15', '2024-03-01'],
  HW25: ['2025-08-15', '2025-10-15'], FS26: ['2026-02-15', '2026-05-31'], 'HW26 Neu': ['2026-08-20', '2026-10-20'],
};

// ----------------------------------------------------------------------- copy

NORDLICHT.copy = {
  'yoga-legging': {
    i: [
      'Unsere weichste Leggings für Yoga und Pilates: Die {name} fühlt sich an wie eine zweite Haut und macht jede Bewegung mit.',
      'Sanft, dehnbar, blickdicht \u2013 die {name} ist für ruhige Einheiten auf der Matte gemacht, vom Sonnengruß bis zur Endentspannung.',
      'Für Flow, Pilates und Barre: Die {name} aus {fabname} ist {fabfeel} und gibt in jeder Position nach.',
    ],
    b: ['Der hohe, breite Bund sitzt bequem in der Taille und rollt nicht.', 'Ohne Vordernaht \u2013 nichts drückt in der Vorbeuge.', 'Kleine Tasche im Bund für Schlüssel oder Karte.', 'Ideal für Sportarten mit geringer Intensität.'],
  },
  'flare-legging': {
    i: ['Die {name} sitzt eng an Hüfte und Oberschenkel und fällt ab dem Knie weit aus. Vom Yogastudio direkt ins Café.', 'Leggings mit ausgestelltem Bein aus {fabname}, {fabfeel}.'],
    b: ['Hoher Bund.', 'Für Yoga, Pilates und den Alltag.'],
  },
  'train-legging': {
    i: ['Für schwere Sätze und schnelle Intervalle: Die {name} ist {fabfeel}.', 'Deine neue Gym-Leggings: Sie sitzt, formt und bleibt auch bei tiefen Kniebeugen blickdicht.'],
    b: ['Seitliche Tasche für das Smartphone.', 'Schweißableitend.', 'Der Bund bleibt auch bei Burpees an Ort und Stelle.'],
  },
  'run-tight': {
    i: [
      'Für intensive Läufe und Intervalle: Die {name} sitzt mit spürbarer Kompression fest am Körper und stützt die Muskulatur.',
      'Gemacht für hohe Intensität \u2013 Tempoläufe, HIIT, Wettkampf. Die {name} aus {fabname} rutscht nicht und trocknet schnell.',
    ],
    b: ['Reflektierende Details für mehr Sichtbarkeit in der Dämmerung.', 'Seitliche Taschen für das Smartphone, Reißverschlusstasche hinten.', 'Kordelzug im Bund für sicheren Halt.'],
  },
  'thermal-tight': {
    i: ['Wenn es draußen kalt wird: Die {name} ist {fabfeel} \u2013 für Winterläufe bei Wind und Minusgraden.'],
    b: ['Reißverschluss am Knöchel.', 'Reflektierende Details.', 'Winddichte Einsätze an den Oberschenkeln.'],
  },
  'hike-legging': {
    i: ['Die {name} ist {fabfeel} \u2013 gemacht für lange Wandertage und steile Pfade.'],
    b: ['Cargotaschen am Oberschenkel.', 'Verstärkte Knie.'],
  },
  'lounge-legging': {
    i: ['Die Basic-Leggings aus {fabname} für jeden Tag: {fabfeel} und unkompliziert.'],
    b: ['Elastischer Bund.', 'Mittlere Leibhöhe.'],
  },
  'bra-low': {
    i: ['Leichter Halt für Yoga, Pilates und ruhige Tage. Der {name} ist {fabfeel}.', 'Ein weiches Bralette für Einheiten mit geringer Intensität, mit herausnehmbaren Cups.'],
    b: ['Herausnehmbare Cups.', 'Schmale, gekreuzte Träger.', 'Empfohlen für Körbchengröße A\u2013C.'],
  },
  'bra-medium': {
    i: ['Mittlerer Halt für Training im Studio: Der {name} ist {fabfeel}.', 'Sicher durch Krafttraining, Spinning und Zirkeltraining.'],
    b: ['Ringerrücken.', 'Herausnehmbare Cups.'],
  },
  'bra-high': {
    i: ['Maximaler Halt für Laufen, Springen und HIIT. Der {name} reduziert Bewegung spürbar.', 'Unser stützendster Sport-BH für hohe Intensität, mit verstellbaren Trägern.'],
    b: ['Verstellbare Träger und Hakenverschluss.', 'Vorgeformte Cups.', 'Empfohlen für Körbchengröße C\u2013F.'],
  },
  'studio-tank': {
    i: ['Das {name} ist {fabfeel} \u2013 leicht, kurz geschnitten und perfekt für die Yogastunde.'],
    b: ['Integrierter Bra mit leichtem Halt.', 'Kurzer Schnitt, passend zu High-Waist-Leggings.'],
  },
  'studio-ls': {
    i: ['Eng anliegendes Langarmshirt aus {fabname} für Yoga und Pilates.'],
    b: ['Daumenlöcher.', 'Leicht verkürzt.'],
  },
  tee: {
    i: ['Das {name} aus {fabname} ist {fabfeel} \u2013 ein Basic für jeden Tag.', 'Lässig geschnitten, weich und unkompliziert: unser Lieblings-Shirt für den Alltag.'],
    b: ['Lockere Passform.', 'Überschnittene Schultern.'],
  },
  tank: {
    i: ['Luftiges Tanktop aus {fabname} für heiße Trainingstage.'],
    b: ['Ringerrücken.', 'Schnelltrocknend.'],
  },
  'run-tee': {
    i: ['Das {name} ist {fabfeel} \u2013 für jede Laufdistanz.', 'Atmungsaktives Laufshirt mit Belüftungszonen.'],
    b: ['Flachnähte gegen Scheuern.', 'Reflektierendes Logo.', 'Geruchshemmend ausgerüstet.'],
  },
  'long-sleeve': {
    i: ['Langarmshirt mit Waffelstruktur, {fabfeel}.'],
    b: ['Lockere Passform.', 'Rippbündchen.'],
  },
  jogger: {
    i: ['Die {name} ist {fabfeel} \u2013 für Sofa, Spaziergang und Wochenende.', 'Bequeme Jogginghose mit Bündchen und tiefen Taschen.'],
    b: ['Kordelzug.', 'Seitentaschen.', 'Rippbündchen am Saum.'],
  },
  sweatpant: {
    i: ['Entspannte Sweatpants mit geradem Bein, {fabfeel}.'],
    b: ['Elastischer Bund mit Kordelzug.', 'Gerades Bein.'],
  },
  'wide-pant': {
    i: ['Weit geschnittene Hose, {fabfeel}.', 'Lässig und weit: die {name}.'],
    b: ['Hoher Bund.', 'Weites Bein.'],
  },
  'run-short': {
    i: ['Leichte Laufshorts mit Innenslip und Reißverschlusstasche.', 'Die {name} sind {fabfeel} \u2013 für warme Läufe und Wettkämpfe.'],
    b: ['Innenslip.', 'Reißverschlusstasche.'],
  },
  'biker-short': {
    i: ['Eng anliegende Radlerhose, {fabfeel}.'],
    b: ['Hoher Bund.', 'Rutscht nicht hoch.'],
  },
  'lounge-short': {
    i: ['Weiche Sweatshorts für warme Tage.'],
    b: ['Kordelzug.', 'Seitentaschen.'],
  },
  hoodie: {
    i: ['Der {name} ist {fabfeel} \u2013 dein Lieblingsstück für kalte Tage.', 'Kuscheliger Kapuzenpullover mit Kängurutasche.'],
    b: ['Kängurutasche.', 'Gefütterte Kapuze.', 'Oversize-Passform.'],
  },
  'zip-hoodie': {
    i: ['Die {name} ist {fabfeel} und lässt sich perfekt kombinieren.', 'Sweatjacke mit durchgehendem Reißverschluss, {fabfeel}.'],
    b: ['Zwei-Wege-Reißverschluss.', 'Taschen mit Reißverschluss.'],
  },
  'crew-sweat': {
    i: ['Klassisches Sweatshirt aus {fabname}, {fabfeel}.'],
    b: ['Rippbündchen.', 'Lockere Passform.'],
  },
  'run-jacket': {
    i: ['Die {name} ist {fabfeel} \u2013 für Läufe bei Wind und Nieselregen.', 'Leichte Laufjacke, die sich in die eigene Tasche packen lässt.'],
    b: ['Reflektierende Details.', 'Belüftung am Rücken.', 'Verstaubar in der Brusttasche.'],
  },
  puffer: {
    i: ['Die {name} ist {fabfeel} \u2013 für die kältesten Tage des Jahres.', 'Gesteppte Jacke mit hohem Kragen und Kapuze.'],
    b: ['Wasserabweisend.', 'Zwei-Wege-Reißverschluss.'],
  },
  gilet: {
    i: ['Die {name} wärmt den Oberkörper, ohne einzuengen.', 'Leichte Weste aus {fabname}, {fabfeel}.'],
    b: ['Taschen mit Reißverschluss.', 'Klein verstaubar.'],
  },
  fleece: {
    i: ['Die {name} ist {fabfeel} \u2013 für Herbstspaziergänge und gemütliche Abende.'],
    b: ['Stehkragen.', 'Reißverschlusstaschen.'],
  },
  'half-zip': {
    i: ['Troyer mit kurzem Reißverschluss und Stehkragen, {fabfeel}.'],
    b: ['Stehkragen.', 'Rippbündchen.'],
  },
  shacket: {
    i: ['Halb Hemd, halb Jacke: die {name} ist {fabfeel}.'],
    b: ['Druckknopfleiste.', 'Brusttaschen.'],
  },
  wrap: {
    i: ['Weiche Wickeljacke für nach der Yogastunde, {fabfeel}.'],
    b: ['Bindeband.', 'Lockere Passform.'],
  },
  onepiece: {
    i: ['Ein Teil, fertig: Der {name} ist {fabfeel}.'],
    b: ['Tiefer Rückenausschnitt.', 'Integrierter Bra.'],
  },
  socks: { i: ['Gepolsterte, atmungsaktive Socken, die nicht rutschen.', 'Socken mit Noppen für sicheren Stand auf der Matte.'], b: ['Fußgewölbeunterstützung.'] },
  headband: { i: ['Rutschfestes Stirnband, das Haare und Schweiß aus dem Gesicht hält.'], b: ['Schweißableitend.'] },
  hairties: { i: ['Haargummis, die halten, ohne zu ziepen.'], b: ['Schonend zum Haar.'] },
  cap: { i: ['Leichte Laufkappe, schnelltrocknend.'], b: ['Verstellbar.'] },
  beanie: { i: ['Warme Rippstrickmütze aus Merinowolle.'], b: ['Umschlag.'] },
  gloves: { i: ['Dünne Laufhandschuhe, touchscreenfähig.'], b: ['Reflektierende Details.'] },
  bottle: { i: ['Doppelwandige Trinkflasche: 24 Stunden kalt, 12 Stunden warm.'], b: ['Auslaufsicher.'] },
  mat: { i: ['Rutschfeste Yogamatte aus Naturkautschuk, 4 mm stark.'], b: ['Mit Tragegurt.'] },
  block: { i: ['Stabiler Yoga-Block aus Naturkork.'], b: ['Abgerundete Kanten.'] },
  tote: { i: ['Turnbeutel aus Baumwolle für Matte, Flasche und Wechselkleidung.'], b: ['Innentasche.'] },
  duffel: { i: ['Geräumige Sporttasche mit separatem Schuhfach.'], b: ['Gepolsterter Schultergurt.'] },
  'set-bundle': {
    i: ['Zweiteiler zum Vorteilspreis: Das {name} besteht aus {pieces} in derselben Farbe.', 'Das perfekte Set: {pieces}, zusammen im Set erhältlich.'],
    b: ['Wird als Set geliefert.', 'Bitte eine Größe für beide Teile wählen.'],
  },
  'set-lounge': { i: ['Gemütlicher Zweiteiler fürs Wochenende: {pieces} im Set.'], b: ['Wird als Set geliefert.'] },
  'set-court': { i: ['Tennis-Set aus {pieces} \u2013 perfekt aufeinander abgestimmt.'], b: ['Wird als Set geliefert.'] },
};

NORDLICHT.setLine = [
  'Passend dazu: {mate} \u2013 zusammen ein echter Zweiteiler.',
  'Teil der Kollektion {set}. Kombiniere es mit {mate} zum Set.',
  'Perfekt abgestimmt auf {mate} aus derselben Kollektion \u2013 als Set tragen.',
];

// ---------------------------------------------------- labels and descriptions

NORDLICHT.ptypeSegs = (g) => {
  const M = g.g === 'M';
  const who = M ? 'Herren' : 'Damen';
  const m = {
    'yoga-legging': ['Hosen', 'Leggings'], 'flare-legging': ['Hosen', 'Yogahosen'], 'train-legging': ['Hosen', 'Leggings'],
    'run-tight': M ? ['Laufen', 'Tights'] : ['Hosen', 'Lauftights'], 'thermal-tight': ['Laufen', 'Tights'], 'hike-legging': ['Outdoor', 'Hosen'],
    'lounge-legging': ['Hosen', 'Leggings'], 'bra-low': ['Sport-BHs'], 'bra-medium': ['Sport-BHs'], 'bra-high': ['Sport-BHs'],
    'studio-tank': ['Oberteile', 'Tops'], tank: ['Oberteile', 'Tops'], tee: M ? ['Shirts'] : ['Oberteile', 'T-Shirts'],
    'studio-ls': ['Oberteile', 'Langarmshirts'], 'long-sleeve': ['Oberteile', 'Langarmshirts'], 'run-tee': M ? ['Shirts'] : ['Laufen', 'Shirts'],
    jogger: ['Hosen', 'Jogginghosen'], sweatpant: ['Hosen', 'Jogginghosen'], 'wide-pant': ['Hosen', 'Sweathosen'],
    'run-short': ['Hosen', 'Shorts'], 'biker-short': ['Hosen', 'Shorts'], 'lounge-short': ['Hosen', 'Shorts'],
    hoodie: ['Pullover & Sweatjacken'], 'zip-hoodie': ['Pullover & Sweatjacken'], 'crew-sweat': ['Pullover & Sweatjacken'],
    'half-zip': ['Pullover & Sweatjacken'], 'run-jacket': ['Jacken'], puffer: ['Jacken'], gilet: ['Jacken', 'Westen'], fleece: ['Jacken'],
    shacket: ['Jacken'], wrap: ['Oberteile', 'Strickjacken'], onepiece: ['Overalls'], 'set-bundle': ['Sets'], 'set-lounge': ['Sets'], 'set-court': ['Sets'],
  };
  const acc = {
    socks: ['Zubehör', 'Socken'], headband: ['Zubehör', 'Haar-Accessoires'], hairties: ['Zubehör', 'Haar-Accessoires'], cap: ['Zubehör', 'Kopfbedeckungen'],
    beanie: ['Zubehör', 'Kopfbedeckungen'], gloves: ['Zubehör', 'Handschuhe'], bottle: ['Zubehör', 'Trinkflaschen'], mat: ['Zubehör', 'Yoga'],
    block: ['Zubehör', 'Yoga'], tote: ['Zubehör', 'Taschen'], duffel: ['Zubehör', 'Taschen'],
  };
  if (acc[g.k]) return acc[g.k];
  if (g.f === 'set' && g.set) return [who, 'Kollektionen', g.set];
  return [who, ...m[g.k]];
};

NORDLICHT.gpc = (g, R) => {
  const text = {
    leggings: 'Bekleidung & Accessoires > Bekleidung > Sportbekleidung', bra: 'Bekleidung & Accessoires > Bekleidung > Sportbekleidung',
    top: 'Bekleidung & Accessoires > Bekleidung > Oberteile', bottom: 'Bekleidung & Accessoires > Bekleidung > Hosen',
    layer: 'Bekleidung & Accessoires > Bekleidung > Oberbekleidung > Mäntel & Jacken', set: 'Bekleidung & Accessoires > Bekleidung > Sportbekleidung',
    onepiece: 'Bekleidung & Accessoires > Bekleidung > Einteiler', accessory: 'Bekleidung & Accessoires > Bekleidungsaccessoires',
  };
  const textKind = {
    mat: 'Sportartikel > Fitness & Training > Yoga & Pilates > Yoga- & Pilatesmatten', bottle: 'Heim & Garten > Küche & Esszimmer > Behälter für Speisen & Getränke > Trinkflaschen',
    socks: 'Bekleidung & Accessoires > Bekleidung > Unterwäsche & Socken > Socken',
  };
  const numKind = { tee: '212', jogger: '204', sweatpant: '204', 'wide-pant': '204', 'run-short': '207', 'biker-short': '207', 'lounge-short': '207', gilet: '5514', socks: '209', cap: '173', beanie: '173' };
  if (textKind[g.k] && R.chance(0.6)) return textKind[g.k];
  if (R.chance(0.55)) {
    if (numKind[g.k]) return numKind[g.k];
    if (g.f === 'layer') return ['run-jacket', 'puffer', 'fleece', 'shacket'].includes(g.k) ? '5598' : '5322';
    if (g.f === 'accessory') return '167';
    return '5322';
  }
  return text[g.f];
};

// Nordlicht's labels and copy for one style; buildStyles calls this once the
// style has its colours and sizes, before its items.
NORDLICHT.describe = (g, R) => {
  const B = NORDLICHT;
  const segs = B.ptypeSegs(g);
  const sepR = R.next();
  g.ptype = sepR < 0.5 ? segs.join(':') : sepR < 0.8 ? segs.map((s) => s.toLowerCase()).join('/') : segs.join(' > ');
  g.category = segs.join(' > ');
  g.gpc = B.gpc(g, R);
  g.season = { new: 'HW26 Neu', recent: 'FS26', core: g.best ? 'Bestseller' : 'Basics', old: 'HW25' }[g.s];
  g.titlePrefix = g.isNew && R.chance(0.6) ? 'NEU: ' : g.gender === 'W' && g.family !== 'accessory' && R.chance(0.3) ? 'Damen ' : '';
  nordlichtText(g, R);
};

// Description as plain text, "•" bullets or <br> lines.
function nordlichtText(g, R) {
  const { intro, body, setLine } = copyParts(NORDLICHT, g, R, 3);
  const mat = g.fab ? `Material: ${g.fab.comp}.` : g.material ? `Material: ${g.material}.` : '';
  const care = g.family === 'accessory' ? '' : R.pick(['Pflege: Maschinenwäsche bei 30 °C, nicht im Trockner trocknen.', 'Bei 30 °C waschen. Kein Weichspüler.', '']);
  const mode = R.weighted(['plain', 'bullets', 'br'], [0.5, 0.3, 0.2]);
  if (mode === 'plain') g.desc = [intro, setLine, ...body, mat, care].filter(Boolean).join(' ');
  else if (mode === 'bullets') g.desc = [intro, setLine].filter(Boolean).join(' ') + ' ' + body.map((b) => `\u2022 ${b}`).join(' ') + (mat ? ` ${mat}` : '') + (care ? ` ${care}` : '');
  else g.desc = [intro, setLine, body.join(' '), mat, care].filter(Boolean).join('<br>');
}

// ------------------------------------------------------------------- feed.tsv

function nordlichtTsv(groups) {
  const B = NORDLICHT;
  const cols = ['id', 'title', 'description', 'link', 'image_link', 'price', 'sale_price', 'availability', 'product_type', 'google_product_category', 'item_group_id', 'color', 'size', 'gender', 'material', 'custom_label_0'];
  const rows = [cols.join('\t')];
  const gw = { W: 'female', M: 'male', U: 'unisex' };
  const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ');
  for (const g of groups) {
    for (const it of g.items) {
      const title = `${g.titlePrefix}${g.n}${g.colours.length > 1 || g.family !== 'accessory' ? ` \u2013 ${it.colour}` : ''}`;
      const row = {
        id: it.id,
        title,
        description: g.desc,
        link: `${B.site}/de/${slug(g.n)}-${g.gid}.html?farbe=${it.ccode}`,
        image_link: `${B.site}/media/catalog/product/${g.gid}/${g.gid}_${it.ccode}_01.jpg`,
        price: `${money(it.priceC)} EUR`,
        sale_price: it.saleC ? `${money(it.saleC)} EUR` : '',
        availability: it.avail ? 'in_stock' : 'out_of_stock',
        product_type: g.ptype,
        google_product_category: g.gpc,
        item_group_id: g.gid,
        color: it.colour,
        size: it.size,
        gender: gw[g.gender],
        material: g.material || '',
        custom_label_0: it.saleC ? 'Sale' : g.season,
      };
      rows.push(cols.map((c) => clean(row[c])).join('\t'));
    }
  }
  return rows.join('\n') + '\n';
}

// ------------------------------------------------------------------ customers

// First names, locales and how the gender attribute is spelt; the share of men
// in each persona; coupon codes; order numbers; the email campaigns.
NORDLICHT.customers = {
  W: ['Lena', 'Anna', 'Laura', 'Julia', 'Sophie', 'Marie', 'Lea', 'Hannah', 'Lisa', 'Sarah', 'Katharina', 'Johanna', 'Clara', 'Emma', 'Mia', 'Leonie', 'Franziska', 'Theresa', 'Nina', 'Jana', 'Carolin', 'Miriam', 'Svenja', 'Anja', 'Sabine', 'Jasmin', 'Elif', 'Selin', 'Magdalena', 'Valentina', 'Nadine', 'Corinne', 'Greta', 'Paula'],
  M: ['Lukas', 'Jonas', 'Leon', 'Felix', 'Maximilian', 'Paul', 'Tobias', 'Florian', 'Jan', 'Niklas', 'Moritz', 'Tim', 'Stefan', 'Daniel', 'Markus', 'Emre', 'Sebastian', 'Lorenz', 'Reto'],
  locales: [['de-DE', 0.75], ['de-AT', 0.15], ['de-CH', 0.1]],
  genderWords: { W: 'female', M: 'male' },
  menShare: { studio: 0, styling: 0, casual: 0.3, browser: 0.25, deals: 0.25 },
  coupons: { deals: ['SALE20', 'BLACKWEEK25', 'EXTRA15', 'NEWSLETTER10'], other: ['HALLO10', 'NEWSLETTER10'] },
  firstOrderNo: 30250000,
  orderPrefix: 'NL-',
  campaigns: [
    ['HW26 Neuheiten', 'Neu eingetroffen: die Herbst/Winter-Kollektion', '/de/neuheiten'],
    ['Black Week 2026', 'Black Week: bis zu 30 % Rabatt', '/de/black-week'],
    ['Sale Finale', 'Letzte Chance im Sale', '/de/sale'],
    ['Newsletter Oktober', 'Deine Lieblingsstücke für den Herbst', '/de/bestseller'],
    ['Wir vermissen dich', 'Lange nicht gesehen \u2013 schau mal, was neu ist', '/de/neuheiten'],
    ['Lauf-Special', 'Fit durch den Winter: unsere Laufkollektion', '/de/laufen'],
  ],
};

// --------------------------------------------------------------------- wiring

// What generate.mjs runs: the catalog, the feed file and the event format.
NORDLICHT.build = () => assignLaunch(NORDLICHT, buildStyles(NORDLICHT));
NORDLICHT.feed = { file: 'feed.tsv', format: 'merchant-center-tsv', render: nordlichtTsv };
NORDLICHT.events = () => segmentFormat(NORDLICHT, (R) => `K${R.int(1000000, 9999999)}`);

export default NORDLICHT;
