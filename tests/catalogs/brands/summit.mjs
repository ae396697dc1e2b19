// Summit Athletics: a US brand. Google Merchant Center RSS 2.0 feed, USD,
// ~1,000 items. This file holds the brand's vocabulary (colours, sizes,
// fabrics, lines, copy, product types, Google categories, customers) and its
// RSS renderer; the shared logic is in ../shared.mjs and ../customers.mjs.

import { Rng, L, SETC, slug, money, xmlEsc, fill, buildStyles, assignLaunch, copyParts } from '../shared.mjs';
import { segmentFormat } from '../customers.mjs';

const SUMMIT = {
  key: 'summit',
  brand: 'Summit Athletics',
  site: 'https://www.summit-athletics.example',
  currency: 'USD',
  colours: [
    ['Black', 'BLK'], ['True Navy', 'TNV'], ['Bone', 'BON'], ['Espresso', 'ESP'], ['Dark Olive', 'DOL'],
    ['Pink Clay', 'PCL'], ['Heathered Core Grey', 'HCG'], ['Rainforest Green', 'RFG'], ['Lunar Rock', 'LNR'],
    ['Cherry Mist', 'CHM'], ['White', 'WHT'], ['Slate Blue', 'SLB'], ['Wild Berry', 'WBR'], ['Night Sea', 'NSE'],
    ['Merlot', 'MRL'], ['Sandstone', 'SND'], ['Graphite Grey', 'GRG'],
  ],
  sizes: {
    wn: ['0', '2', '4', '6', '8', '10', '12', '14', '16', '18', '20'],
    wa: ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL'],
    ma: ['XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL'],
    sock: ['S', 'M', 'L'],
    os: ['One Size'],
  },
  fabrics: {
    hush: { name: 'Hushweight\u2122', comp: '78% nylon, 22% Lycra\u00ae elastane', mat: 'Nylon/Elastane', feel: 'buttery-soft and weightless, with a naked sensation' },
    lumen: { name: 'Lumen', comp: '75% recycled polyester, 25% elastane', mat: 'Recycled Polyester/Elastane', feel: 'light, smooth and cool to the touch' },
    pace: { name: 'Pacefit\u2122', comp: '74% recycled nylon, 26% elastane', mat: 'Recycled Nylon/Elastane', feel: 'compressive, sweat-wicking and quick-drying' },
    thermal: { name: 'brushed Pacefit\u2122 Thermal', comp: '71% recycled nylon, 29% elastane, brushed interior', mat: 'Recycled Nylon/Elastane', feel: 'brushed inside to hold in heat on cold runs' },
    drive: { name: 'Drivetek', comp: '69% nylon, 31% elastane', mat: 'Nylon/Elastane', feel: 'sculpting, squat-proof and sweat-wicking' },
    seam: { name: 'seamless knit', comp: '92% nylon, 8% elastane', mat: 'Nylon', feel: 'knit in one piece for fewer seams and less chafe' },
    rib: { name: 'Cloud Rib', comp: '80% nylon, 20% elastane', mat: 'Nylon/Elastane', feel: 'ribbed, stretchy and soft' },
    cotton: { name: 'organic cotton jersey', comp: '100% organic cotton', mat: 'Organic Cotton', feel: 'soft, breathable and easy to wear' },
    pima: { name: 'pima cotton', comp: '95% pima cotton, 5% elastane', mat: 'Cotton/Elastane', feel: 'smooth, with a little stretch' },
    terry: { name: 'CloudTerry\u2122 French terry', comp: '82% cotton, 18% polyester', mat: 'Cotton/Polyester', feel: 'soft on the outside and looped on the inside' },
    fleece: { name: 'brushed fleece', comp: '60% cotton, 40% recycled polyester', mat: 'Cotton/Polyester', feel: 'brushed for warmth and plush comfort' },
    air: { name: 'Airweave\u2122 mesh', comp: '88% recycled polyester, 12% elastane', mat: 'Recycled Polyester', feel: 'breathable, with ventilation where you heat up' },
    wind: { name: 'Windline ripstop', comp: '100% recycled nylon with a water-repellent finish', mat: 'Nylon', feel: 'light, packable and wind-resistant' },
    down: { name: '600-fill-power responsibly sourced down', comp: 'Shell: 100% recycled nylon. Fill: 600-fill-power goose down', mat: 'Nylon/Down', feel: 'warm without the bulk' },
    sherpa: { name: 'sherpa fleece', comp: '100% recycled polyester', mat: 'Polyester', feel: 'fuzzy, lofty and cozy' },
    velour: { name: 'stretch velour', comp: '80% cotton, 20% polyester', mat: 'Cotton/Polyester', feel: 'plush with a soft sheen' },
    merino: { name: 'merino wool blend', comp: '52% merino wool, 48% nylon', mat: 'Merino Wool/Nylon', feel: 'naturally temperature-regulating' },
    woven: { name: 'stretch woven', comp: '86% nylon, 14% elastane', mat: 'Nylon/Elastane', feel: 'durable with four-way stretch' },
  },
};

SUMMIT.lines = [
  // --- leggings (women)
  L('leggings', 'yoga-legging', 'W', 'Hushweight High-Rise Legging', 98, { v: ['21"', '25"', '28"', '31"'], fab: 'hush', coll: 'Hushweight', best: 1, st: 1, s: 'core' }),
  L('leggings', 'yoga-legging', 'W', 'Hushweight High-Rise Pant 28"', 98, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'core', pt: 'Women > Pants' }),
  L('leggings', 'flare-legging', 'W', 'Hushweight Flare Pant', 108, { v: ['', '*Tall'], fab: 'hush', coll: 'Hushweight', st: 1, s: 'recent' }),
  L('leggings', 'yoga-legging', 'W', 'Hushweight High-Rise Legging 25" *Shine', 108, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'new', pat: 'Solid' }),
  L('leggings', 'yoga-legging', 'W', 'Hushweight High-Rise Legging 25" *Print', 108, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'new', pat: 'Print' }),
  L('leggings', 'yoga-legging', 'W', 'Lumen Light High-Rise Tight', 88, { v: ['24"', '27"'], fab: 'lumen', coll: 'Lumen', st: 1, s: 'recent' }),
  L('leggings', 'flare-legging', 'W', 'Lumen Light Flare Pant', 98, { fab: 'lumen', coll: 'Lumen', st: 1, s: 'old' }),
  L('leggings', 'yoga-legging', 'W', 'Stillpoint Crossover Waist Legging 7/8', 108, { fab: 'hush', coll: 'Stillpoint', st: 1, s: 'old' }),
  L('leggings', 'yoga-legging', 'W', 'Centerline Barre Legging', 92, { v: ['23"', '26"'], fab: 'lumen', coll: 'Centerline', st: 1, s: 'core' }),
  L('leggings', 'run-tight', 'W', 'Pacefit Run Tight', 128, { v: ['25"', '28"'], fab: 'pace', coll: 'Pacefit', best: 1, s: 'core' }),
  L('leggings', 'run-tight', 'W', 'Pacefit Run Tight 25" *Reflective', 138, { fab: 'pace', coll: 'Pacefit', s: 'new' }),
  L('leggings', 'run-tight', 'W', 'Pacefit Pocket High-Rise Tight 25"', 138, { fab: 'pace', coll: 'Pacefit', s: 'recent' }),
  L('leggings', 'thermal-tight', 'W', 'Pacefit Thermal Run Tight 28"', 148, { fab: 'thermal', coll: 'Pacefit', s: 'new' }),
  L('leggings', 'run-tight', 'W', 'Swift Speed Tight 25"', 118, { fab: 'pace', coll: 'Swift', s: 'old' }),
  L('leggings', 'train-legging', 'W', 'Drivetek Train Legging', 98, { v: ['23"', '25"', '28"'], fab: 'drive', coll: 'Drivetek', best: 1, s: 'core' }),
  L('leggings', 'train-legging', 'W', 'Drivetek Train Legging 25" *Camo', 108, { fab: 'drive', coll: 'Drivetek', s: 'recent', pat: 'Camo' }),
  L('leggings', 'train-legging', 'W', 'Drivetek Pocket Legging 7/8', 108, { fab: 'drive', coll: 'Drivetek', s: 'core' }),
  L('leggings', 'train-legging', 'W', 'Everyday Seamless Legging', 78, { fab: 'seam', coll: 'Seamless', s: 'recent' }),
  L('leggings', 'train-legging', 'W', 'Everyday Seamless Legging *Marl', 78, { fab: 'seam', coll: 'Seamless', s: 'old', pat: 'Heathered' }),
  L('leggings', 'hike-legging', 'W', 'Trailhead Hike Legging', 118, { fab: 'woven', coll: 'Trail', s: 'recent' }),
  L('leggings', 'lounge-legging', 'W', 'Everyday Cotton Legging', 68, { fab: 'pima', coll: 'Essentials', s: 'core' }),
  // --- leggings (men)
  L('leggings', 'run-tight', 'M', "Men's Pacefit Run Tight", 128, { fab: 'pace', coll: 'Pacefit', s: 'core' }),
  L('leggings', 'thermal-tight', 'M', "Men's Merino Base Tight", 98, { fab: 'merino', coll: 'Trail', s: 'new' }),
  L('leggings', 'run-tight', 'M', "Men's Stride Half Tight 8\"", 68, { fab: 'pace', coll: 'Stride', s: 'recent' }),
  // --- bras
  L('bra', 'bra-low', 'W', 'Hushweight Bra Light Support', 58, { v: ['A/B Cup', 'C/D Cup'], fab: 'hush', coll: 'Hushweight', best: 1, st: 1, s: 'core' }),
  L('bra', 'bra-low', 'W', 'Hushweight Longline Bra Light Support', 68, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'core' }),
  L('bra', 'bra-low', 'W', 'Hushweight Crossback Bra Light Support', 58, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'new' }),
  L('bra', 'bra-low', 'W', 'Lumen Strappy Bra Light Support', 52, { fab: 'lumen', coll: 'Lumen', st: 1, s: 'recent' }),
  L('bra', 'bra-low', 'W', 'Stillpoint Wrap Bra Light Support', 58, { fab: 'hush', coll: 'Stillpoint', st: 1, s: 'old' }),
  L('bra', 'bra-medium', 'W', 'Drivetek Train Bra Medium Support', 64, { v: ['B/C Cup', 'D/DD Cup'], fab: 'drive', coll: 'Drivetek', s: 'core' }),
  L('bra', 'bra-medium', 'W', 'Everyday Seamless Bra Medium Support', 48, { fab: 'seam', coll: 'Seamless', s: 'recent' }),
  L('bra', 'bra-medium', 'W', 'Everyday Seamless Bra *Rib', 48, { fab: 'seam', coll: 'Seamless', s: 'old' }),
  L('bra', 'bra-high', 'W', 'Pacefit Run Bra High Support', 78, { fab: 'pace', coll: 'Pacefit', best: 1, s: 'core' }),
  L('bra', 'bra-high', 'W', 'Pacefit Zip-Front Bra High Support', 84, { fab: 'pace', coll: 'Pacefit', s: 'recent' }),
  L('bra', 'bra-high', 'W', 'Swift Racer Bra High Support', 74, { fab: 'pace', coll: 'Swift', s: 'new' }),
  // --- tops (women)
  L('top', 'studio-tank', 'W', 'Hushweight Cropped Tank', 58, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'core' }),
  L('top', 'studio-tank', 'W', 'Lumen Racerback Tank', 48, { fab: 'lumen', coll: 'Lumen', st: 1, s: 'recent' }),
  L('top', 'studio-ls', 'W', 'Stillpoint Ribbed Long Sleeve', 68, { fab: 'rib', coll: 'Stillpoint', st: 1, s: 'old' }),
  L('top', 'studio-ls', 'W', 'Hushweight Long Sleeve Shirt', 78, { fab: 'hush', coll: 'Hushweight', st: 1, s: 'new' }),
  L('top', 'tee', 'W', 'Essential Everyday Tee', 38, { v: ['', '^Cropped'], fab: 'cotton', coll: 'Essentials', best: 1, s: 'core', sz: 'wa' }),
  L('top', 'tee', 'W', 'Boxy Cotton Tee', 42, { fab: 'cotton', coll: 'Essentials', s: 'core', sz: 'wa' }),
  L('top', 'tee', 'W', 'Softest Crew Tee', 48, { fab: 'pima', coll: 'Essentials', s: 'recent' }),
  L('top', 'tee', 'W', 'Organic Cotton Slim Tee', 38, { fab: 'cotton', coll: 'Essentials', s: 'old', sz: 'wa' }),
  L('top', 'tee', 'W', 'Trail Club Oversized Graphic Tee', 48, { fab: 'cotton', coll: 'Trail', s: 'new', sz: 'wa', pat: 'Graphic' }),
  L('top', 'tee', 'W', 'Ribbed Baby Tee', 38, { fab: 'rib', coll: 'Essentials', s: 'recent' }),
  L('top', 'run-tee', 'W', 'Swift Tech Short Sleeve', 68, { fab: 'air', coll: 'Swift', best: 1, s: 'core' }),
  L('top', 'run-tee', 'W', 'Swift Tech Long Sleeve', 78, { fab: 'air', coll: 'Swift', s: 'core' }),
  L('top', 'run-tee', 'W', 'Swift Tech Crop Tee', 64, { fab: 'air', coll: 'Swift', s: 'recent' }),
  L('top', 'tank', 'W', 'Swift Tech Tank', 58, { fab: 'air', coll: 'Swift', s: 'old' }),
  L('top', 'tank', 'W', 'Airweave Muscle Tank', 44, { fab: 'air', coll: 'Drivetek', s: 'recent', sz: 'wa' }),
  L('top', 'tank', 'W', 'Essential Tank', 34, { fab: 'cotton', coll: 'Essentials', s: 'core', sz: 'wa' }),
  L('top', 'long-sleeve', 'W', 'Waffle Knit Long Sleeve', 58, { fab: 'cotton', coll: 'Essentials', s: 'recent', sz: 'wa' }),
  // --- tops (men)
  L('top', 'run-tee', 'M', "Men's Airweave Tech Tee", 68, { fab: 'air', coll: 'Airweave', best: 1, s: 'core' }),
  L('top', 'run-tee', 'M', "Men's Airweave Tech Long Sleeve", 78, { fab: 'air', coll: 'Airweave', s: 'recent' }),
  L('top', 'run-tee', 'M', "Men's Swift Tech Long Sleeve", 78, { fab: 'air', coll: 'Swift', s: 'old' }),
  L('top', 'tee', 'M', "Men's Everyday Cotton Tee", 38, { fab: 'cotton', coll: 'Essentials', best: 1, s: 'core' }),
  L('top', 'tee', 'M', "Men's Cotton Pocket Tee", 42, { fab: 'cotton', coll: 'Essentials', s: 'recent' }),
  L('top', 'tee', 'M', "Men's Heavyweight Box Tee", 48, { fab: 'cotton', coll: 'Essentials', s: 'new' }),
  L('top', 'tank', 'M', "Men's Airweave Training Tank", 44, { fab: 'air', coll: 'Airweave', s: 'recent' }),
  L('top', 'long-sleeve', 'M', "Men's Waffle Henley Long Sleeve", 68, { fab: 'cotton', coll: 'Essentials', s: 'old' }),
  // --- bottoms (women)
  L('bottom', 'jogger', 'W', 'CloudTerry Jogger', 98, { v: ['', '^Cropped', '*Tall'], fab: 'terry', coll: 'CloudTerry', best: 1, s: 'core' }),
  L('bottom', 'sweatpant', 'W', 'CloudTerry Relaxed Sweatpant', 108, { fab: 'terry', coll: 'CloudTerry', s: 'core' }),
  L('bottom', 'jogger', 'W', 'Softstack Fleece Jogger', 118, { fab: 'fleece', coll: 'Softstack', s: 'new' }),
  L('bottom', 'sweatpant', 'W', 'Softstack Wide-Leg Sweatpant', 118, { fab: 'fleece', coll: 'Softstack', s: 'recent' }),
  L('bottom', 'jogger', 'W', 'Trail Cargo Jogger', 118, { fab: 'woven', coll: 'Trail', s: 'recent' }),
  L('bottom', 'wide-pant', 'W', 'Terry Wide-Leg Pant', 108, { fab: 'terry', coll: 'CloudTerry', s: 'old' }),
  L('bottom', 'run-short', 'W', 'Heatwave Low-Rise Short', 68, { v: ['2.5"', '4"', '6"'], fab: 'air', coll: 'Heatwave', best: 1, s: 'core' }),
  L('bottom', 'biker-short', 'W', 'Everyday Biker Short', 58, { v: ['4"', '6"'], fab: 'drive', coll: 'Drivetek', s: 'core' }),
  L('bottom', 'skirt', 'W', 'Pleated Court Skirt', 78, { fab: 'woven', coll: 'Court', s: 'old', sz: 'wa' }),
  L('bottom', 'lounge-short', 'W', 'Relaxed Sweat Short', 58, { fab: 'terry', coll: 'CloudTerry', s: 'recent' }),
  // --- bottoms (men)
  L('bottom', 'run-short', 'M', "Men's Stride Lined Short", 78, { v: ['5"', '7"'], fab: 'woven', coll: 'Stride', best: 1, s: 'core' }),
  L('bottom', 'run-short', 'M', "Men's Stride Linerless Short", 68, { v: ['7"', '9"'], fab: 'woven', coll: 'Stride', s: 'core' }),
  L('bottom', 'run-short', 'M', "Men's Airweave Training Short 7\"", 64, { fab: 'air', coll: 'Airweave', s: 'recent' }),
  L('bottom', 'jogger', 'M', "Men's Everyday Jogger", 108, { v: ['29"', '32"'], fab: 'terry', coll: 'CloudTerry', best: 1, s: 'core' }),
  L('bottom', 'jogger', 'M', "Men's Softstack Jogger", 118, { fab: 'fleece', coll: 'Softstack', s: 'new' }),
  L('bottom', 'sweatpant', 'M', "Men's Fleece Sweatpant", 98, { fab: 'fleece', coll: 'Softstack', s: 'recent' }),
  L('bottom', 'commute-pant', 'M', "Men's Commute Pant 32\"", 128, { fab: 'woven', coll: 'Commute', s: 'core' }),
  L('bottom', 'lounge-short', 'M', "Men's Terry Sweat Short 9\"", 68, { fab: 'terry', coll: 'CloudTerry', s: 'old' }),
  // --- layers (women)
  L('layer', 'hoodie', 'W', 'CloudTerry Half-Zip Hoodie', 118, { v: ['', '^Cropped'], fab: 'terry', coll: 'CloudTerry', best: 1, s: 'core', sz: 'wa' }),
  L('layer', 'hoodie', 'W', 'CloudTerry Oversized Hoodie', 118, { fab: 'terry', coll: 'CloudTerry', s: 'recent', sz: 'wa' }),
  L('layer', 'zip-hoodie', 'W', 'Softstack Cropped Full-Zip Hoodie', 128, { fab: 'fleece', coll: 'Softstack', s: 'new', sz: 'wa' }),
  L('layer', 'crew-sweat', 'W', 'CloudTerry Crew Sweatshirt', 98, { fab: 'terry', coll: 'CloudTerry', s: 'core', sz: 'wa' }),
  L('layer', 'fitted-jacket', 'W', 'Contour Fitted Jacket', 118, { v: ['', '^Cropped'], fab: 'lumen', coll: 'Contour', best: 1, s: 'core' }),
  L('layer', 'fitted-jacket', 'W', 'Contour Fitted Jacket *Shine', 128, { fab: 'lumen', coll: 'Contour', s: 'new' }),
  L('layer', 'run-jacket', 'W', 'Windline Packable Run Jacket', 148, { fab: 'wind', coll: 'Windline', s: 'core' }),
  L('layer', 'run-jacket', 'W', 'Windline Storm Run Shell', 178, { fab: 'wind', coll: 'Windline', s: 'new' }),
  L('layer', 'run-jacket', 'W', 'Windline Hooded Anorak', 158, { fab: 'wind', coll: 'Windline', s: 'old' }),
  L('layer', 'puffer', 'W', 'Alpine Down Puffer', 248, { fab: 'down', coll: 'Alpine', s: 'new', sz: 'wa' }),
  L('layer', 'puffer', 'W', 'Alpine Cropped Puffer', 228, { fab: 'down', coll: 'Alpine', s: 'recent', sz: 'wa' }),
  L('layer', 'puffer', 'W', 'Alpine Long Down Parka', 298, { fab: 'down', coll: 'Alpine', s: 'new', sz: 'wa' }),
  L('layer', 'gilet', 'W', 'Alpine Down Vest', 168, { fab: 'down', coll: 'Alpine', s: 'recent', sz: 'wa' }),
  L('layer', 'gilet', 'W', 'Sherpa Fleece Vest', 118, { fab: 'sherpa', coll: 'Sherpa', s: 'old', sz: 'wa' }),
  L('layer', 'fleece', 'W', 'Sherpa Fleece Zip Jacket', 148, { fab: 'sherpa', coll: 'Sherpa', s: 'recent', sz: 'wa' }),
  L('layer', 'half-zip', 'W', 'Grid Fleece Half-Zip', 118, { fab: 'fleece', coll: 'Trail', s: 'core' }),
  L('layer', 'half-zip', 'W', 'Thermal Trail Quarter-Zip', 108, { fab: 'merino', coll: 'Trail', s: 'old' }),
  L('layer', 'shacket', 'W', 'Quilted Shacket', 168, { fab: 'woven', coll: 'Alpine', s: 'recent', sz: 'wa' }),
  L('layer', 'wrap', 'W', 'Studio Wrap Cardigan', 128, { fab: 'rib', coll: 'Stillpoint', s: 'old', sz: 'wa' }),
  // --- layers (men)
  L('layer', 'hoodie', 'M', "Men's CloudTerry Pullover Hoodie", 118, { fab: 'terry', coll: 'CloudTerry', best: 1, s: 'core' }),
  L('layer', 'zip-hoodie', 'M', "Men's CloudTerry Full-Zip Hoodie", 128, { fab: 'terry', coll: 'CloudTerry', s: 'core' }),
  L('layer', 'crew-sweat', 'M', "Men's CloudTerry Crew", 98, { fab: 'terry', coll: 'CloudTerry', s: 'recent' }),
  L('layer', 'run-jacket', 'M', "Men's Windline Run Jacket", 158, { fab: 'wind', coll: 'Windline', s: 'core' }),
  L('layer', 'puffer', 'M', "Men's Alpine Down Puffer", 268, { fab: 'down', coll: 'Alpine', s: 'new' }),
  L('layer', 'half-zip', 'M', "Men's Grid Fleece Half-Zip", 128, { fab: 'fleece', coll: 'Trail', s: 'recent' }),
  L('layer', 'gilet', 'M', "Men's Insulated Trail Vest", 178, { fab: 'down', coll: 'Trail', s: 'old' }),
  L('layer', 'gilet', 'M', "Men's Windline Vest", 128, { fab: 'wind', coll: 'Windline', s: 'recent' }),
  L('layer', 'fleece', 'M', "Men's Sherpa Fleece Jacket", 158, { fab: 'sherpa', coll: 'Sherpa', s: 'new' }),
  L('layer', 'shacket', 'M', "Men's Coach Overshirt", 148, { fab: 'woven', coll: 'Commute', s: 'core' }),
  // --- sets
  L('set', 'set-bundle', 'W', 'Airlift Bra & Legging Set', 158, { fab: 'lumen', coll: 'Airlift', s: 'new', pieces: 'bra and 25" legging', contains: ['bra', 'leggings'] }),
  L('set', 'set-bundle', 'W', 'Studio Essentials Set', 148, { fab: 'hush', coll: 'Hushweight', s: 'core', pieces: 'Hushweight Bra and Hushweight 25" Legging', contains: ['bra', 'leggings'] }),
  L('set', 'set-bundle', 'W', 'Seamless Bra & Short Set', 98, { fab: 'seam', coll: 'Seamless', s: 'recent', pieces: 'seamless bra and 6" short', contains: ['bra', 'bottom'] }),
  L('set', 'set-lounge', 'W', 'Terry Club Lounge Set', 178, { fab: 'terry', coll: 'Terry Club', s: 'recent', sz: 'wa', pieces: 'crew sweatshirt and jogger', contains: ['layer', 'bottom'] }),
  L('set', 'set-court', 'W', 'Court Club Tank & Skirt Set', 128, { fab: 'woven', coll: 'Court', s: 'old', sz: 'wa', pieces: 'tank and pleated skirt', contains: ['top', 'bottom'] }),
  L('set', 'set-track', 'M', "Men's Terry Club Tracksuit Set", 198, { fab: 'terry', coll: 'Terry Club', s: 'core', pieces: 'full-zip and jogger', contains: ['layer', 'bottom'] }),
  ...SETC('Cloud Rib', { coll: 'Cloud Rib', s: 'new', fab: 'rib' }, [
    ['bra-low', 'bra', 'Cloud Rib Bra', 58],
    ['yoga-legging', 'leggings', 'Cloud Rib Legging 25"', 98],
    ['biker-short', 'bottom', 'Cloud Rib Biker Short 6"', 64],
    ['long-sleeve', 'top', 'Cloud Rib Long Sleeve', 78],
    ['tank', 'top', 'Cloud Rib Crop Tank', 54],
  ]),
  ...SETC('Seamless Sculpt', { coll: 'Seamless', s: 'recent', fab: 'seam' }, [
    ['bra-medium', 'bra', 'Seamless Sculpt Bra', 52],
    ['train-legging', 'leggings', 'Seamless Sculpt Legging', 82],
    ['biker-short', 'bottom', 'Seamless Sculpt Short 5"', 58],
  ]),
  ...SETC('Velour Lounge', { coll: 'Velour', s: 'new', fab: 'velour', sz: 'wa' }, [
    ['zip-hoodie', 'layer', 'Velour Zip Jacket', 138],
    ['wide-pant', 'bottom', 'Velour Flare Pant', 118],
  ]),
  ...SETC('Liquid Shine', { coll: 'Shine', s: 'new', fab: 'lumen' }, [
    ['bra-medium', 'bra', 'Liquid Shine Longline Bra', 68],
    ['yoga-legging', 'leggings', 'Liquid Shine High-Rise Legging 25"', 108],
  ]),
  ...SETC('Essentials Rib', { coll: 'Essentials', s: 'recent', fab: 'rib', sz: 'wa' }, [
    ['tank', 'top', 'Essentials Rib Tank', 48],
    ['wide-pant', 'bottom', 'Essentials Rib Wide-Leg Pant', 98],
  ]),
  // --- one-pieces
  L('onepiece', 'onepiece', 'W', 'Hushweight Studio Onesie', 118, { fab: 'hush', coll: 'Hushweight', s: 'recent' }),
  L('onepiece', 'onepiece', 'W', 'Seamless Unitard', 98, { fab: 'seam', coll: 'Seamless', s: 'new' }),
  L('onepiece', 'dress', 'W', 'Court Exercise Dress', 100, { fab: 'woven', coll: 'Court', s: 'old', sz: 'wa' }),
  // --- accessories
  L('accessory', 'socks', 'U', 'Daily Crew Sock 3-Pack', 28, { sz: 'sock', coll: 'Accessories', s: 'core', best: 1, mat: 'Cotton/Nylon' }),
  L('accessory', 'socks', 'U', 'No-Show Sock 3-Pack', 24, { sz: 'sock', coll: 'Accessories', s: 'core', mat: 'Cotton/Nylon' }),
  L('accessory', 'socks', 'U', 'Pacefit Run Sock', 18, { sz: 'sock', coll: 'Pacefit', s: 'recent', mat: 'Nylon/Elastane' }),
  L('accessory', 'socks', 'W', 'Studio Grip Sock', 16, { sz: 'sock', coll: 'Hushweight', s: 'recent', mat: 'Cotton/Silicone' }),
  L('accessory', 'headband', 'U', 'Fly Away Headband', 14, { coll: 'Accessories', s: 'core', best: 1, mat: 'Nylon/Elastane' }),
  L('accessory', 'headband', 'U', 'Cooling Headband 2-Pack', 18, { coll: 'Accessories', s: 'new', mat: 'Nylon/Elastane' }),
  L('accessory', 'scrunchie', 'W', 'Silk Scrunchie 3-Pack', 16, { coll: 'Accessories', s: 'core', mat: 'Silk' }),
  L('accessory', 'hairties', 'W', 'Glide Hair Ties 10-Pack', 10, { coll: 'Accessories', s: 'core', mat: 'Nylon' }),
  L('accessory', 'cap', 'U', 'Trail Run Cap', 35, { coll: 'Trail', s: 'recent', mat: 'Recycled Polyester' }),
  L('accessory', 'beanie', 'U', 'Ribbed Cuff Beanie', 35, { coll: 'Alpine', s: 'new', mat: 'Merino Wool' }),
  L('accessory', 'beanie', 'U', 'Knit Ear Warmer', 28, { coll: 'Alpine', s: 'old', mat: 'Acrylic/Wool' }),
  L('accessory', 'gloves', 'U', 'Thermal Run Gloves', 32, { coll: 'Pacefit', s: 'recent', mat: 'Polyester/Elastane' }),
  L('accessory', 'bottle', 'U', 'Insulated Bottle 24 oz', 32, { coll: 'Accessories', s: 'core', mat: 'Stainless Steel' }),
  L('accessory', 'bottle', 'U', 'Insulated Bottle 32 oz', 38, { coll: 'Accessories', s: 'recent', mat: 'Stainless Steel' }),
  L('accessory', 'beltbag', 'U', 'Everywhere Belt Bag', 38, { coll: 'Accessories', s: 'core', best: 1, mat: 'Recycled Nylon' }),
  L('accessory', 'beltbag', 'U', 'Everywhere Belt Bag Large', 48, { coll: 'Accessories', s: 'recent', mat: 'Recycled Nylon' }),
  L('accessory', 'beltbag', 'W', 'Mini Crossbody Bag', 48, { coll: 'Accessories', s: 'new', mat: 'Recycled Nylon' }),
  L('accessory', 'tote', 'W', 'Studio Tote', 48, { coll: 'Hushweight', s: 'old', mat: 'Cotton Canvas' }),
  L('accessory', 'duffel', 'U', 'Weekender Duffel 40L', 98, { coll: 'Accessories', s: 'core', mat: 'Recycled Polyester' }),
  L('accessory', 'mat', 'U', 'Grip Yoga Mat 5mm', 88, { coll: 'Yoga Gear', s: 'core', mat: 'Natural Rubber/Polyurethane' }),
  L('accessory', 'mat', 'U', 'Travel Yoga Mat 1.5mm', 58, { coll: 'Yoga Gear', s: 'recent', mat: 'Natural Rubber' }),
  L('accessory', 'block', 'U', 'Cork Yoga Block', 24, { coll: 'Yoga Gear', s: 'core', mat: 'Cork' }),
  L('accessory', 'strap', 'U', 'Yoga Strap', 18, { coll: 'Yoga Gear', s: 'core', mat: 'Cotton' }),
  L('accessory', 'towel', 'U', 'Quick-Dry Sweat Towel', 22, { coll: 'Accessories', s: 'old', mat: 'Microfiber' }),
];

// ------------------------------------------------------------ catalog numbers
// Read by the shared catalog steps in ../shared.mjs.

// buildStyles: style numbers (item_group_id SMW21003, SMM..., SMA...), how
// many colours (1-3) and how many sizes (2-4) a style comes in.
SUMMIT.styles = {
  firstNo: 21000,
  step: [3, 40],
  gid: (no, g) => `SM${{ W: 'W', M: 'M', U: 'A' }[g.gender]}${no}`,
  colourWeights: { accessory: [0.45, 0.35, 0.2], other: [0.25, 0.45, 0.3] },
  sizeCountWeights: [0.25, 0.4, 0.35],
};

// sizeKey: women's styles use numeric sizes (0-20) unless the line says otherwise.
SUMMIT.numericSizes = { key: 'wn' };

// addItems: markdowns are a whole ten dollars minus one (69.00, 49.00), at least 5.00.
SUMMIT.salePrice = (priceC, R) => Math.max(500, Math.round((priceC * R.float(0.55, 0.8)) / 1000) * 1000 - 100);
SUMMIT.skuStem = (g) => g.gid;
SUMMIT.outOfStock = 0.07;

// custom_label_0 by season bucket (describe), and each label's launch window (assignLaunch).
SUMMIT.seasonLabel = { core: 'Core', new: ['FA26 Drop 3', 'HO26 Drop 1'], recent: ['FA26 Drop 1', 'SU26'], old: ['SP26 Drop 2', 'FA25'] };
SUMMIT.launchWindows = {
  Core: ['2021-01-15', '2024-03-01'], FA25: ['2025-08-01', '2025-09-15'], 'SP26 Drop 2': ['2026-03-01', '2026-03-31'],
  SU26: ['2026-05-15', '2026-06-30'], 'FA26 Drop 1': ['2026-08-01', '2026-08-31'], 'FA26 Drop 3': ['2026-09-20', '2026-10-10'],
  'HO26 Drop 1': ['2026-10-15', '2026-10-31'],
};

// ----------------------------------------------------------------------- copy

// Copy: i = opening sentences, b = body sentences, h = product highlights.
SUMMIT.copy = {
  'yoga-legging': {
    i: [
      'Designed for yoga, the {name} is made with our {fabname} fabric so you can focus on your practice, not your waistband.',
      'Feel-nothing softness for flow, stretch and everything in between. The {name} moves with you from sun salutations to savasana.',
      'Made for mat days, reformer classes and slow mornings, with a high rise that stays put through every pose. The {fabname} fabric is {fabfeel}.',
      'Our studio favorite. Ultra-soft, four-way stretch and barely-there, for practice that goes deep and low-impact sessions that go long.',
    ],
    b: ['The wide waistband lies flat and won\u2019t dig in when you fold forward.', 'Hidden waistband pocket holds a key or card.', 'No front seam, so nothing gets in the way in pigeon or child\u2019s pose.', 'Intended for low-impact movement like yoga, pilates and barre.', 'Gusset designed for range of motion.'],
    h: ['Buttery-soft, weightless feel', 'Four-way stretch', 'High rise sits at your natural waist', 'Hidden waistband pocket', 'Designed for yoga and pilates', 'Sweat-wicking and breathable', 'Intended for low-impact workouts'],
  },
  'flare-legging': {
    i: [
      'The {name} is fitted through the hip and thigh with a flare from the knee. Our {fabname} fabric is {fabfeel}.',
      'A 70s silhouette made for the studio. Soft, stretchy and easy to move in, with a gentle flare at the hem.',
    ],
    b: ['Wear it to class, then straight to brunch.', 'High-rise waistband smooths and stays put in every pose.', 'Designed for yoga, pilates and everyday wear.'],
    h: ['Flared leg from the knee', 'Soft four-way stretch', 'High rise', 'Studio-to-street', 'Designed for low-impact movement'],
  },
  'train-legging': {
    i: [
      'Lift, squat, sweat, repeat. The {name} is {fabfeel}, made to hold you in through your hardest sets.',
      'Built for the gym floor: {fabname} fabric with a supportive, sculpting feel that stays opaque in a deep squat.',
      'Go all-in on HIIT and strength days in the {name}, a high-rise legging that keeps up when the intensity climbs.',
    ],
    b: ['Side drop-in pockets fit your phone.', 'Sweat-wicking and quick-drying.', 'Waistband designed to stay put through burpees and box jumps.', 'Squat-proof fabric passes our deep-squat test.'],
    h: ['Sculpting, supportive fit', 'Squat-proof', 'Sweat-wicking', 'Side drop-in pockets', 'Made for training and HIIT'],
  },
  'run-tight': {
    i: [
      'Built for high-impact miles. The {name} hugs with a compressive fit that won\u2019t slip mid-stride.',
      'Go fast, go far: a supportive running tight in {fabname} fabric, {fabfeel}, with reflective details for low-light runs.',
      'Our most secure tight for speed work, race day and long runs. Locked-in support, zero bounce, pockets for everything.',
    ],
    b: ['Side drop-in pockets hold your phone steady; a zippered back pocket stows a key or gel.', 'Continuous drawcord lets you dial in the fit.', 'Reflective details for visibility at dawn and dusk.', 'Designed for running and high-intensity training.'],
    h: ['Compressive, sculpting fit', 'Stays put on high-impact runs', 'Zippered back pocket', 'Reflective details', 'Sweat-wicking, quick-drying'],
  },
  'thermal-tight': {
    i: [
      'Cold-weather running, sorted. The {name} is {fabfeel}.',
      'When the temperature drops, the miles don\u2019t. A warm, compressive tight for winter training runs.',
    ],
    b: ['Zippered ankle openings for easy on and off.', 'Reflective details for dark mornings.', 'Wind-resistant panels at the front of the thigh.'],
    h: ['Brushed for warmth', 'Made for cold-weather runs', 'Reflective details', 'Secure zip pocket'],
  },
  'lounge-legging': {
    i: ['The {name} is your everyday staple in {fabname}: {fabfeel}, and it goes with everything.', 'A simple, soft legging in {fabname} for errands, travel and the couch.'],
    b: ['Mid-rise with an elastic waistband.', 'Breathable and easy to wash and wear.'],
    h: ['Everyday essential', 'Soft cotton stretch', 'Easy care'],
  },
  'hike-legging': {
    i: ['Trail-ready from the first climb. The {name} is {fabfeel}, with cargo pockets for your map, phone and snacks.', 'A durable legging built for hikes and long days outside.'],
    b: ['Abrasion-resistant panels at the knee.', 'Thigh cargo pockets with snap closure.', 'Water-repellent finish sheds light rain.'],
    h: ['Durable stretch fabric', 'Cargo pockets', 'Water-repellent finish', 'Designed for hiking'],
  },
  'bra-low': {
    i: [
      'Light support for yoga and low-impact workouts. The {name} is {fabfeel}, made to feel like nothing at all.',
      'Designed for your practice: soft, minimal coverage with light support for flow, stretch and pilates.',
      'A gentle hug for low-impact days. Removable cups and a wide band that won\u2019t dig in.',
    ],
    b: ['Removable cups for shape and coverage.', 'Best for A/B cups.', 'Crossback straps move with you.', 'Soft elastic band sits flat against the skin.'],
    h: ['Light support', 'Intended for low-impact activities', 'Removable cups', 'Buttery-soft feel', 'Designed for yoga'],
  },
  'bra-medium': {
    i: ['Medium support for training days. The {name} balances hold and comfort through lifts, circuits and spin.', 'A supportive bra for the gym: {fabname} fabric, {fabfeel}, with a wide underband.'],
    b: ['Racerback straps for freedom of movement.', 'Removable cups.', 'Best for B-D cups.'],
    h: ['Medium support', 'Made for training', 'Removable cups', 'Sweat-wicking'],
  },
  'bra-high': {
    i: [
      'Maximum support for maximum impact. The {name} locks you in for running, jumping and HIIT.',
      'Our most supportive run bra: encapsulated cups and an adjustable band minimize bounce mile after mile.',
    ],
    b: ['Adjustable straps and hook-and-eye closure.', 'Molded cups for shape and support.', 'Best for C-G cups.', 'Designed and tested for high-impact running.'],
    h: ['High support', 'Designed for high-impact running', 'Adjustable straps', 'Encapsulated molded cups', 'Bounce-minimizing'],
  },
  'studio-tank': {
    i: ['Layer it over your favorite bra for flow or wear it solo: the {name} is {fabfeel}.', 'A soft, fitted tank for yoga, pilates and barre, cut to move with you.'],
    b: ['Cropped to hit at the waistband of your high-rise leggings.', 'Built-in shelf bra for light support.', 'Lightweight and breathable.'],
    h: ['Soft, second-skin feel', 'Fitted for the studio', 'Cropped length', 'Light support shelf bra'],
  },
  'studio-ls': {
    i: ['The {name} is a fitted long sleeve made for warm-ups and cool-downs on the mat.', 'Soft, stretchy and close to the body, for studio sessions that start cold and end warm.'],
    b: ['Thumbholes keep sleeves in place.', 'Slightly cropped to pair with high-rise bottoms.'],
    h: ['Fitted, soft stretch', 'Thumbholes', 'Designed for yoga', 'Breathable'],
  },
  tee: {
    i: ['The {name} is the one you\u2019ll reach for every day. Made from {fabname}, it\u2019s {fabfeel}.', 'An everyday tee with a clean crew neck and a soft, lived-in feel.', 'Easy, breathable and made to be worn on repeat, the {name} goes with everything.'],
    b: ['Relaxed fit through the body.', 'Drop shoulder for an easy drape.', 'Pre-shrunk.', 'Tuck it, knot it or wear it loose.'],
    h: ['Everyday essential', 'Soft cotton', 'Relaxed fit', 'Pre-shrunk'],
  },
  tank: {
    i: ['A breezy tank for hot days and hard workouts. The {name} is {fabfeel}.', 'Open back, light fabric and a relaxed cut: the {name} keeps you cool through every set.'],
    b: ['Dropped armholes for airflow.', 'Quick-drying.'],
    h: ['Breathable', 'Relaxed fit', 'Quick-drying'],
  },
  'run-tee': {
    i: ['Made for the miles, the {name} is {fabfeel}.', 'Your go-to running top: seamless construction and ventilation zones where you heat up.'],
    b: ['Anti-stink treatment keeps it fresh between washes.', 'Seamless construction to reduce chafing.', 'Reflective logo.'],
    h: ['Sweat-wicking', 'Anti-stink', 'Seamless, low-chafe', 'Made for running'],
  },
  'long-sleeve': {
    i: ['The {name} is an easy long sleeve in {fabname}, perfect on its own or layered.', 'A textured long sleeve that works as well on a walk as it does on the sofa.'],
    b: ['Relaxed fit.', 'Ribbed cuffs.'],
    h: ['Textured knit', 'Relaxed fit', 'Everyday comfort'],
  },
  jogger: {
    i: ['Weekend mode: on. The {name} is {fabfeel}, with a tapered leg and cuffed hem.', 'Soft, relaxed and made for everyday, the {name} goes from coffee run to couch.', 'Our classic jogger in {fabname}, with pockets deep enough for your phone.'],
    b: ['Drawcord waistband.', 'Side pockets and a hidden card pocket.', 'Tapered leg with ribbed cuffs.'],
    h: ['Relaxed fit', 'Tapered leg', 'Soft French terry', 'Deep side pockets'],
  },
  sweatpant: {
    i: ['A relaxed sweatpant that feels as good as it looks. The {name} is {fabfeel}.', 'Straight-leg sweats made for lounging, travel and everything in between.'],
    b: ['Elastic waistband with drawcord.', 'Open hem.', 'Side pockets.'],
    h: ['Relaxed straight leg', 'Brushed for softness', 'Everyday comfort'],
  },
  'wide-pant': {
    i: ['Wide-leg and easy, the {name} drapes beautifully in {fabname}.', 'A relaxed wide-leg pant you can dress up or down.'],
    b: ['High rise.', 'Full-length wide leg.'],
    h: ['Wide leg', 'High rise', 'Soft drape'],
  },
  'run-short': {
    i: ['Lightweight, breathable and made to move fast. The {name} has a built-in liner and a zip pocket.', 'Our go-to running short, with split hems and a pocket for your key.'],
    b: ['Built-in liner.', 'Zippered back pocket.', 'Reflective details.', 'Quick-drying.'],
    h: ['Lightweight', 'Built-in liner', 'Zippered pocket', 'Made for running'],
  },
  'biker-short': {
    i: ['The {name} is a high-rise bike short in {fabname}, {fabfeel}.', 'Everyday biker shorts that stay put: no ride-up, no see-through.'],
    b: ['Side pocket.', 'High-rise waistband.'],
    h: ['High rise', 'No ride-up', 'Side pocket'],
  },
  'lounge-short': {
    i: ['Soft terry shorts for hot days and lazy weekends. The {name} is {fabfeel}.', 'An easy pull-on short made for downtime.'],
    b: ['Drawcord waist.', 'Side pockets.'],
    h: ['Soft terry', 'Relaxed fit', 'Side pockets'],
  },
  skirt: {
    i: ['Court-ready and café-ready. The {name} has built-in shorts and a pocket for a ball.', 'A pleated skirt with a swingy fit and a built-in short.'],
    b: ['Built-in liner short with ball pocket.', 'Sweat-wicking.'],
    h: ['Built-in short', 'Pleated', 'Sweat-wicking'],
  },
  'commute-pant': {
    i: ['Looks like a chino, moves like a track pant. The {name} is made of {fabname}, {fabfeel}.'],
    b: ['Hidden zip pocket.', 'Gusseted crotch.', 'Water-repellent finish.'],
    h: ['Four-way stretch', 'Water-repellent', 'Office-to-bike'],
  },
  hoodie: {
    i: ['The {name} is the layer you\u2019ll live in: {fabname} with an oversized, cozy fit.', 'Cozy season is here. A relaxed hoodie with a roomy hood and kangaroo pocket.', 'Pull it on before, after and in between. Soft, warm and easy to layer.'],
    b: ['Kangaroo pocket.', 'Thumbholes in the cuffs.', 'Lined hood.', 'Oversized fit, so size down for a closer fit.'],
    h: ['Oversized fit', 'Soft and cozy', 'Lined hood', 'Kangaroo pocket'],
  },
  'zip-hoodie': {
    i: ['An easy full-zip hoodie in {fabname}, {fabfeel}.', 'Zip it up on the way out, throw it on after class: the {name} is made for layering.'],
    b: ['Two-way zipper.', 'Zippered pockets.'],
    h: ['Full zip', 'Zippered pockets', 'Easy to layer'],
  },
  'crew-sweat': {
    i: ['A classic crew sweatshirt, {fabfeel}.', 'The sweatshirt that goes with everything, in our {fabname}.'],
    b: ['Ribbed cuffs and hem.', 'Relaxed fit.'],
    h: ['Relaxed fit', 'Soft terry', 'Classic crew neck'],
  },
  'fitted-jacket': {
    i: ['Zip it up after class: the {name} is a fitted jacket with a sculpting feel. The {fabname} fabric is {fabfeel}.', 'Our bestselling fitted jacket, cut close to the body with thumbholes and secure pockets.'],
    b: ['Thumbholes and cuffins keep your hands warm.', 'Zippered side pockets.', 'Slim fit hugs your body.'],
    h: ['Fitted, sculpting', 'Thumbholes', 'Zippered pockets', 'Layer over or under'],
  },
  'run-jacket': {
    i: ['A featherlight shell for wind, drizzle and dark miles. The {name} is {fabfeel}.', 'Packs into its own pocket, unfolds for the weather. A running jacket made for changing conditions.'],
    b: ['Water-repellent finish.', 'Reflective details front and back.', 'Vented back yoke.', 'Packs into its own chest pocket.'],
    h: ['Wind-resistant', 'Water-repellent', 'Packable', 'Reflective details'],
  },
  puffer: {
    i: ['Warmth that goes the distance. The {name} is filled with {fabname}, {fabfeel}.', 'Cold mornings meet their match: a down puffer with a high collar and a hood that fits over a beanie.'],
    b: ['Water-repellent shell.', 'Packs into its own pocket.', 'Fleece-lined hand pockets.', 'Adjustable hem.'],
    h: ['Responsibly sourced down', 'Water-repellent', 'Packable', 'Lightweight warmth'],
  },
  gilet: {
    i: ['Core warmth without the sleeves. The {name} layers over a long sleeve or under a shell.', 'A lightweight vest in {fabname}, {fabfeel}.'],
    b: ['Zippered hand pockets.', 'Packs down small.'],
    h: ['Core warmth', 'Zippered pockets', 'Easy to layer'],
  },
  fleece: {
    i: ['The {name} is {fabfeel}: the layer for cold-weather walks and cozy weekends.', 'A fuzzy zip jacket with a high collar and contrast pockets.'],
    b: ['Stand collar.', 'Zippered chest pocket.'],
    h: ['Lofty fleece', 'Full zip', 'Stand collar'],
  },
  'half-zip': {
    i: ['A warm half-zip for cool runs and weekend hikes. The {name} is {fabfeel}.', 'Throw it on over a tee: the {name} is a half-zip pullover with a stand collar.'],
    b: ['Thumbholes.', 'Zippered chest pocket.'],
    h: ['Half zip', 'Warm', 'Thumbholes'],
  },
  shacket: {
    i: ['Half shirt, half jacket. The {name} is a quilted overshirt for in-between weather.', 'A boxy shirt jacket in {fabname} with snap closures and chest pockets.'],
    b: ['Snap front.', 'Chest and side pockets.'],
    h: ['Shirt-jacket', 'Quilted warmth', 'Snap front'],
  },
  wrap: {
    i: ['Wrap up after class in the {name}, a soft ribbed cardigan with an open front.', 'A cozy wrap for cool studios and cooler commutes.'],
    b: ['Open front.', 'Long, relaxed sleeves.'],
    h: ['Soft rib', 'Open front', 'Cozy layer'],
  },
  onepiece: {
    i: ['One and done. The {name} is a one-piece you can flow, lift and lounge in.', 'A sleek unitard in {fabname}, {fabfeel}.'],
    b: ['Built-in shelf bra.', 'Low back.'],
    h: ['One-piece', 'Built-in support', 'Sculpting fit'],
  },
  dress: {
    i: ['The {name} is a dress with built-in shorts made for tennis, pickleball and running errands.'],
    b: ['Built-in shorts with pockets.', 'Sweat-wicking.'],
    h: ['Built-in shorts', 'Adjustable straps', 'Sweat-wicking'],
  },
  socks: { i: ['Cushioned where you need it, breathable where you don\u2019t. {name}.', 'Soft, supportive socks that stay up all day.'], b: ['Arch support.', 'Seamless toe.'], h: ['Arch support', 'Seamless toe', 'Breathable'] },
  headband: { i: ['Keeps flyaways in place through every rep. The {name} won\u2019t slip.'], b: ['Sweat-wicking.'], h: ['Non-slip', 'Sweat-wicking'] },
  scrunchie: { i: ['Gentle on hair and cute on your wrist: {name}.'], b: ['No creases or breakage.'], h: ['Gentle hold'] },
  hairties: { i: ['Hair ties that hold tight without the tug.'], b: ['Snag-free.'], h: ['Snag-free', 'Strong hold'] },
  cap: { i: ['A lightweight cap for sunny miles. The {name} dries fast.'], b: ['Adjustable back.', 'Sweatband.'], h: ['Lightweight', 'Quick-drying', 'Adjustable'] },
  beanie: { i: ['Warm ears, happy runs. The {name} is soft and warm.'], b: ['Ribbed knit.'], h: ['Warm', 'Soft knit'] },
  gloves: { i: ['Touchscreen-friendly gloves for cold miles.'], b: ['Reflective details.'], h: ['Touchscreen-compatible', 'Warm'] },
  bottle: { i: ['Cold for 24 hours, hot for 12. The {name} goes everywhere you go.'], b: ['Leakproof lid.', 'Fits most cup holders.'], h: ['Insulated', 'Leakproof', 'BPA-free'] },
  beltbag: { i: ['Hands-free and ready for anything. The {name} fits your phone, keys and cards.'], b: ['Adjustable strap.', 'Water-repellent fabric.'], h: ['Wear it crossbody or around the waist', 'Water-repellent'] },
  tote: { i: ['A roomy canvas tote for your mat, water bottle and change of clothes.'], b: ['Inner zip pocket.'], h: ['Roomy', 'Fits a yoga mat'] },
  duffel: { i: ['Gym, weekend, carry-on: the {name} does it all.'], b: ['Ventilated shoe compartment.', 'Padded shoulder strap.'], h: ['Shoe compartment', 'Water-repellent', '40L capacity'] },
  mat: { i: ['Grip that holds, cushion that supports. The {name} is made for hot and sweaty practice.'], b: ['Natural rubber base.', 'Alignment lines.'], h: ['Grippy top layer', 'Natural rubber', 'Cushioned'] },
  block: { i: ['A sturdy cork block to support your practice.'], b: ['Rounded edges.'], h: ['Sustainable cork', 'Non-slip'] },
  strap: { i: ['A cotton yoga strap to deepen your stretch.'], b: ['Metal D-ring buckle.'], h: ['Adjustable', 'Durable cotton'] },
  towel: { i: ['A quick-dry towel for sweaty sessions.'], b: ['Absorbent microfiber.'], h: ['Quick-drying', 'Absorbent'] },
  'set-bundle': {
    i: ['Two favorites, one easy outfit. The {name} pairs our {pieces} in one matching color, sold together as a set.', 'Your new uniform: the {name} includes a {pieces}, made to be worn together.'],
    b: ['Sold as a set; both pieces ship together.', 'Pieces are sized together, so order your usual size.'],
    h: ['Matching two-piece set', 'Sold together', 'Head-to-toe look'],
  },
  'set-lounge': {
    i: ['Matching sweats, elevated. The {name} includes a {pieces} in the same color.', 'Lounge set, done: {pieces}, made to wear together or apart.'],
    b: ['Sold as a set.', 'Relaxed fit.'],
    h: ['Matching set', 'Soft French terry', 'Wear together or apart'],
  },
  'set-court': { i: ['Game, set, match. The {name} pairs a {pieces} in one coordinated look.'], b: ['Sold as a set.'], h: ['Two-piece set', 'Built-in short'] },
  'set-track': { i: ['Head-to-toe comfort: the {name} includes a {pieces} in matching colors.'], b: ['Sold as a set.'], h: ['Matching tracksuit', 'Soft terry'] },
};

SUMMIT.setLine = [
  'Part of the {set} collection: pair it with the matching {mate} for a head-to-toe set.',
  'Made to match. Style it with the {mate} and wear it as a set.',
  'Mix and match with the rest of the {set} pieces, like the {mate}, for a coordinated look.',
];

SUMMIT.setHighlight = ['Shop the matching {set} set', 'Pairs with the {mate}', 'Part of a matching set'];

// ---------------------------------------------------- labels and descriptions

SUMMIT.ptype = (g, R) => {
  const who = g.g === 'M' ? 'Men' : g.g === 'W' ? 'Women' : 'Accessories';
  const m = {
    'yoga-legging': 'Bottoms > Leggings', 'flare-legging': 'Pants > Flare', 'train-legging': 'Bottoms > Leggings',
    'run-tight': 'Bottoms > Tights', 'thermal-tight': 'Run > Tights', 'lounge-legging': 'Bottoms > Leggings',
    'hike-legging': 'Bottoms > Pants', 'bra-low': 'Sports Bras', 'bra-medium': 'Sports Bras', 'bra-high': 'Sports Bras',
    'studio-tank': 'Tops > Tank Tops', 'studio-ls': 'Tops > Long Sleeve Shirts', tee: 'Tops > T-Shirts', tank: 'Tops > Tank Tops',
    'run-tee': /Long Sleeve/.test(g.n) ? 'Tops > Long Sleeve Shirts' : 'Tops > Short Sleeve Shirts', 'long-sleeve': 'Tops > Long Sleeve Shirts',
    jogger: 'Bottoms > Joggers', sweatpant: 'Pants > Sweatpants', 'wide-pant': 'Pants', 'run-short': 'Bottoms > Shorts',
    'biker-short': 'Bottoms > Shorts', 'lounge-short': 'Bottoms > Shorts', skirt: 'Skirts & Dresses', 'commute-pant': 'Pants',
    hoodie: 'Hoodies & Sweatshirts', 'zip-hoodie': 'Hoodies & Sweatshirts', 'crew-sweat': 'Hoodies & Sweatshirts', 'half-zip': 'Hoodies & Sweatshirts',
    'fitted-jacket': 'Coats & Jackets', 'run-jacket': 'Coats & Jackets', puffer: 'Coats & Jackets', fleece: 'Coats & Jackets',
    gilet: 'Coats & Jackets > Vests', shacket: 'Coats & Jackets', wrap: 'Tops > Sweaters & Wraps', onepiece: 'Bodysuits & One-Pieces',
    dress: 'Skirts & Dresses', 'set-bundle': 'Sets', 'set-lounge': 'Sets', 'set-court': 'Sets', 'set-track': 'Sets',
    socks: 'Socks', headband: 'Hair Accessories', scrunchie: 'Hair Accessories', hairties: 'Hair Accessories', cap: 'Hats',
    beanie: 'Hats', gloves: 'Gloves & Mittens', bottle: 'Water Bottles', beltbag: 'Bags', tote: 'Bags', duffel: 'Bags',
    mat: 'Yoga Equipment', block: 'Yoga Equipment', strap: 'Yoga Equipment', towel: 'Yoga Equipment',
  };
  let rest = g.pt ? g.pt.replace(/^Women > /, '') : m[g.k];
  if (g.f === 'set' && g.set && R.chance(0.4)) rest = `Sets > ${g.set}`;
  let s = `${who} > ${rest}`;
  const r = R.next();
  if (r < 0.12) s = s.replace(/ > /g, '|');
  else if (r < 0.2) s = s.replace(/ > /g, ' / ');
  else if (r < 0.25) s = s.replace(/^Women > /, 'Womens/').replace(/ > /g, '/');
  return s;
};

SUMMIT.gpc = (g, R) => {
  const num = {
    leggings: '5322', bra: R.chance(0.5) ? '5322' : '214', top: g.k === 'tee' ? '212' : '5322', onepiece: g.k === 'dress' ? '2271' : '5322',
  };
  const byKind = {
    jogger: '204', sweatpant: '204', 'wide-pant': '204', 'commute-pant': '204', 'run-short': '207', 'biker-short': '207',
    'lounge-short': '207', skirt: '1581', gilet: '5514', socks: '209', cap: '173', beanie: '173',
  };
  const text = {
    leggings: 'Apparel & Accessories > Clothing > Activewear', bra: 'Apparel & Accessories > Clothing > Underwear & Socks > Bras',
    top: 'Apparel & Accessories > Clothing > Shirts & Tops', bottom: 'Apparel & Accessories > Clothing > Pants',
    layer: 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets', set: 'Apparel & Accessories > Clothing > Outfit Sets',
    onepiece: 'Apparel & Accessories > Clothing > One-Pieces', accessory: 'Apparel & Accessories > Clothing Accessories',
  };
  const textKind = {
    mat: 'Sporting Goods > Exercise & Fitness > Yoga & Pilates > Yoga & Pilates Mats',
    block: 'Sporting Goods > Exercise & Fitness > Yoga & Pilates > Yoga & Pilates Blocks',
    bottle: 'Home & Garden > Kitchen & Dining > Food & Beverage Carriers > Water Bottles',
    beltbag: 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags', tote: 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags',
    duffel: 'Luggage & Bags > Duffel Bags', hoodie: 'Apparel & Accessories > Clothing > Activewear > Activewear Sweatshirts & Hoodies',
    'run-short': 'Apparel & Accessories > Clothing > Shorts', 'biker-short': 'Apparel & Accessories > Clothing > Shorts',
  };
  if (textKind[g.k] && (R.chance(0.5) || !byKind[g.k])) return textKind[g.k];
  if (R.chance(0.6)) {
    if (byKind[g.k]) return byKind[g.k];
    if (g.f === 'layer') return g.k === 'hoodie' || g.k === 'zip-hoodie' || g.k === 'crew-sweat' || g.k === 'half-zip' ? '5322' : '5598';
    if (num[g.f]) return num[g.f];
    if (g.f === 'set') return '5322';
    return '166';
  }
  return text[g.f];
};

// Summit's labels and copy for one style; buildStyles calls this once the
// style has its colours and sizes, before its items.
SUMMIT.describe = (g, R) => {
  const B = SUMMIT;
  g.season = g.s === 'core' ? B.seasonLabel.core : R.pick(B.seasonLabel[g.s]);
  g.ptype = B.ptype(g, R);
  g.gpc = B.gpc(g, R);
  g.pattern = g.pat || (R.chance(0.25) ? R.pick(['Solid', 'Solid', 'Heathered', 'Rib Knit']) : null);
  if (g.pat === 'Graphic') g.pattern = 'Graphic';
  summitText(g, R);
  g.category = g.ptype;
};

// Description (plain text, escaped HTML or CDATA), 2-4 product_highlight
// lines and product_detail on about a third of the styles.
function summitText(g, R) {
  const B = SUMMIT;
  const { c, vars, intro, body, setLine } = copyParts(B, g, R, 2);
  const fabricLine = g.fab ? `Fabric: ${g.fab.name}, ${g.fab.comp}.` : g.material ? `Material: ${g.material.toLowerCase()}.` : null;
  let hl = R.sample(c.h, Math.min(c.h.length, R.int(2, 3))).map((s) => fill(s, vars));
  if (g.setName && hl.length < 4) hl.push(fill(R.pick(B.setHighlight), vars));
  if (g.isNew && hl.length < 4 && R.chance(0.5)) hl.push('New this season');
  g.highlights = hl;
  const mode = R.weighted(['plain', 'html', 'cdata'], [0.45, 0.3, 0.25]);
  g.descMode = mode;
  if (mode === 'plain') {
    g.desc = [intro, setLine, ...body, fabricLine].filter(Boolean).join(' ');
  } else {
    const lis = body.map((s) => `<li>${s.replace(/&/g, '&amp;')}</li>`).join('');
    g.desc =
      `<p>${intro.replace(/&/g, '&amp;')}</p>` +
      (setLine ? `<p>${setLine.replace(/&/g, '&amp;')}</p>` : '') +
      `<ul>${lis}</ul>` +
      (fabricLine ? `<p>${fabricLine}</p>` : '');
  }
  // Merchant Center product_detail on about a third of the styles.
  g.details = [];
  if (R.chance(0.35)) {
    if (g.fab) g.details.push(['Fabric', 'Composition', g.fab.comp]);
    else if (g.material) g.details.push(['Materials', 'Material', g.material]);
    g.details.push(['Care', 'Washing', R.pick(['Machine wash cold', 'Machine wash cold, tumble dry low', 'Hand wash only', 'Wipe clean'])]);
    const fit = {
      leggings: 'Tight fit', bra: 'Fitted', top: R.pick(['Classic fit', 'Relaxed fit', 'Slim fit']), bottom: R.pick(['Relaxed fit', 'Classic fit']),
      layer: R.pick(['Relaxed fit', 'Oversized', 'Classic fit']), set: 'Fitted', onepiece: 'Fitted',
    }[g.family];
    if (fit) g.details.push(['Fit', 'Fit', fit]);
  }
}

// ------------------------------------------------------------------- feed.xml

function summitFeed(groups) {
  const B = SUMMIT;
  const R = new Rng('summit:feed');
  const out = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push('<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">');
  out.push('<channel>');
  out.push('<title>Summit Athletics - Google Shopping US</title>');
  out.push(`<link>${B.site}</link>`);
  out.push('<description>Summit Athletics product feed, en-US, USD</description>');
  const genderWord = { W: 'female', M: 'male', U: 'unisex' };
  for (const g of groups) {
    const descXml =
      g.descMode === 'cdata'
        ? `<![CDATA[${g.desc}]]>`
        : xmlEsc(g.desc).replace(/\u2019/g, '&#8217;').replace(/\u2122/g, R.chance(0.5) ? '&#8482;' : '\u2122');
    const path = slug(g.n);
    for (const it of g.items) {
      const multiColour = g.colours.length > 1 || g.family !== 'accessory';
      const title = multiColour ? `${g.n} - ${it.colour}` : g.n;
      const link = `${B.site}/p/${path}/${g.gid}?color=${it.ccode}&sz=${encodeURIComponent(it.size)}`;
      const img = `https://img.summit-athletics.example/summit/${g.gid}_${it.ccode}_1?$pdp$`;
      const x = [];
      x.push('<item>');
      x.push(`  <g:id>${xmlEsc(it.id)}</g:id>`);
      x.push(`  <title>${xmlEsc(title)}</title>`);
      x.push(`  <description>${descXml}</description>`);
      x.push(`  <link>${xmlEsc(link)}</link>`);
      x.push(`  <g:image_link>${xmlEsc(img)}</g:image_link>`);
      x.push(`  <g:brand>${B.brand}</g:brand>`);
      x.push(`  <g:availability>${it.avail ? 'in_stock' : 'out_of_stock'}</g:availability>`);
      x.push(`  <g:price>${money(it.priceC)} USD</g:price>`);
      if (it.saleC) x.push(`  <g:sale_price>${money(it.saleC)} USD</g:sale_price>`);
      x.push(`  <g:product_type>${xmlEsc(g.ptype)}</g:product_type>`);
      x.push(`  <g:google_product_category>${xmlEsc(g.gpc)}</g:google_product_category>`);
      x.push(`  <g:item_group_id>${g.gid}</g:item_group_id>`);
      x.push(`  <g:color>${xmlEsc(it.colour)}</g:color>`);
      x.push(`  <g:size>${xmlEsc(it.size)}</g:size>`);
      x.push(`  <g:gender>${genderWord[g.gender]}</g:gender>`);
      x.push('  <g:age_group>adult</g:age_group>');
      if (g.material) x.push(`  <g:material>${xmlEsc(g.material)}</g:material>`);
      if (g.pattern) x.push(`  <g:pattern>${xmlEsc(g.pattern)}</g:pattern>`);
      x.push(`  <g:custom_label_0>${xmlEsc(g.season)}</g:custom_label_0>`);
      x.push(`  <g:custom_label_1>${it.saleC ? 'Markdown' : g.best ? 'Bestseller' : 'Full Price'}</g:custom_label_1>`);
      x.push(`  <g:custom_label_2>${xmlEsc(g.coll || 'Other')}</g:custom_label_2>`);
      for (const h of g.highlights) x.push(`  <g:product_highlight>${xmlEsc(h)}</g:product_highlight>`);
      for (const [sec, name, val] of g.details) {
        x.push(
          `  <g:product_detail><g:section_name>${xmlEsc(sec)}</g:section_name><g:attribute_name>${xmlEsc(name)}</g:attribute_name><g:attribute_value>${xmlEsc(val)}</g:attribute_value></g:product_detail>`
        );
      }
      x.push('</item>');
      out.push(x.join('\n'));
    }
  }
  out.push('</channel>');
  out.push('</rss>');
  return out.join('\n') + '\n';
}

// ------------------------------------------------------------------ customers

// First names, locales and how the gender attribute is spelt; the share of men
// in each persona; coupon codes; order numbers; the email campaigns.
SUMMIT.customers = {
  W: ['Emily', 'Olivia', 'Madison', 'Ashley', 'Sarah', 'Jessica', 'Hannah', 'Taylor', 'Megan', 'Lauren', 'Rachel', 'Samantha', 'Kayla', 'Brittany', 'Alexis', 'Jasmine', 'Sofia', 'Isabella', 'Chloe', 'Grace', 'Natalie', 'Victoria', 'Avery', 'Brooke', 'Danielle', 'Nicole', 'Amanda', 'Jennifer', 'Priya', 'Maya', 'Camila', 'Gabriela', 'Leah', 'Morgan', 'Paige', 'Kelsey', 'Alyssa', 'Zoe', 'Mia', 'Harper', 'Lucía', 'Valentina', 'Mei', 'Aaliyah'],
  M: ['Michael', 'Chris', 'Matt', 'Josh', 'Ryan', 'Tyler', 'Brandon', 'Kevin', 'Justin', 'Jason', 'Daniel', 'Andrew', 'Kyle', 'Eric', 'Marcus', 'Luis', 'Carlos', 'Nathan', 'Sam', 'Ben', 'Diego', 'Jordan'],
  locales: [['en-US', 0.88], ['en-CA', 0.07], ['es-US', 0.05]],
  genderWords: { W: 'female', M: 'male' },
  menShare: { studio: 0, styling: 0.07, casual: 0.35, browser: 0.25, deals: 0.25 },
  coupons: { deals: ['EXTRA20', 'FRIENDS25', 'BFCM30', 'MARKDOWN10', 'HOLIDAY20'], other: ['WELCOME15', 'FRIENDS25'] },
  firstOrderNo: 4100000,
  orderPrefix: 'SA',
  campaigns: [
    ['FA26 Drop 3 Launch', 'Just dropped: fresh colors for colder mornings', '/c/whats-new'],
    ['Holiday Gift Guide 2026', 'Gifts they\u2019ll actually wear', '/c/gift-guide'],
    ['Early Access: Holiday Event', 'You\u2019re in. Shop early access now', '/c/holiday-event'],
    ['Markdowns Added', 'New markdowns just landed', '/c/markdowns'],
    ['Run Club Newsletter Oct', 'Race-day checklist + new tights', '/c/run'],
    ['We Miss You', 'It\u2019s been a while, here\u2019s what\u2019s new', '/c/whats-new'],
    ['Cyber Week Preview', 'Mark your calendar', '/c/holiday-event'],
  ],
};

// --------------------------------------------------------------------- wiring

// What generate.mjs runs: the catalog, the feed file and the event format.
SUMMIT.build = () => assignLaunch(SUMMIT, buildStyles(SUMMIT));
SUMMIT.feed = { file: 'feed.xml', format: 'merchant-center-rss', render: summitFeed };

SUMMIT.events = () =>
  segmentFormat(SUMMIT, (R) => {
    const a = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let s = 'usr_';
    for (let i = 0; i < 16; i++) s += a[R.int(0, 35)];
    return s;
  });

export default SUMMIT;
