// Harbour & Co: a UK brand. Shopify products.json, GBP, ~200 products with
// 1-8 variants. Many styles are split into one product per colour, as UK
// Shopify stores do, so harbour has its own catalog builder; it still uses the
// shared group, size, item and copy steps. Customer events are Klaviyo metrics.

import { Rng, NOW, HOUR, DAY, L, SETC, slug, money, num, isoSec, cap, uniq, sizeWindow, baseGroup, sizeKey, addItems, copyParts } from '../shared.mjs';
import { orderTotals } from '../customers.mjs';

const HARBOUR = {
  key: 'harbour',
  brand: 'Harbour & Co',
  site: 'https://harbourandco.example',
  currency: 'GBP',
  colours: [
    ['Black', 'BLK'], ['Navy', 'NVY'], ['Oat Marl', 'OAT'], ['Sage Green', 'SAG'], ['Soft Pink', 'PNK'], ['Chalk', 'CHK'],
    ['Mocha', 'MOC'], ['Grey Marl', 'GRM'], ['Burgundy', 'BUR'], ['Cobalt Blue', 'COB'], ['Khaki', 'KHA'], ['Dusty Lilac', 'LIL'],
    ['Forest Green', 'FOR'], ['Stone', 'STN'],
  ],
  sizes: {
    wuk: ['4', '6', '8', '10', '12', '14', '16', '18'],
    wa: ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL'],
    ma: ['S', 'M', 'L', 'XL', 'XXL'],
    shoe: ['UK 3', 'UK 4', 'UK 5', 'UK 6', 'UK 7', 'UK 8'],
    sock: ['UK 3-5', 'UK 6-8', 'UK 9-12'],
    os: ['One Size'],
  },
  fabrics: {
    soft: { name: 'Softform', comp: '77% recycled nylon, 23% elastane', feel: 'brushed, buttery soft and second-skin' },
    feather: { name: 'Featherweight', comp: '80% polyamide, 20% elastane', feel: 'ultra-light with a barely-there feel' },
    rib: { name: 'rib jersey', comp: '72% polyamide, 28% elastane', feel: 'soft, stretchy and ribbed' },
    sculpt: { name: 'Sculpt', comp: '75% recycled polyamide, 25% elastane', feel: 'sculpting, squat-proof and supportive' },
    seam: { name: 'seamless knit', comp: '90% polyamide, 10% elastane', feel: 'contouring with a bum-lifting scrunch' },
    stride: { name: 'Stride', comp: '72% recycled polyester, 28% elastane', feel: 'compressive, sweat-wicking and quick-drying' },
    thermal: { name: 'brushed-back Stride', comp: '70% recycled polyester, 30% elastane', feel: 'brushed inside for warmth' },
    cotton: { name: 'organic cotton', comp: '100% organic cotton', feel: 'soft, breathable and washes beautifully' },
    breeze: { name: 'Breeze jersey', comp: '90% recycled polyester, 10% elastane', feel: 'light, breathable and quick-drying' },
    loop: { name: 'loopback cotton', comp: '100% organic cotton loopback jersey', feel: 'soft, heavyweight and cosy' },
    woven: { name: 'stretch woven', comp: '88% recycled polyester, 12% elastane', feel: 'light with a bit of stretch' },
    shell: { name: 'lightweight shell', comp: '100% recycled polyester with a water-repellent finish', feel: 'windproof and showerproof' },
    padded: { name: 'recycled padding', comp: 'Shell: 100% recycled nylon. Padding: 100% recycled polyester', feel: 'warm, light and packable' },
    borg: { name: 'borg fleece', comp: '100% recycled polyester', feel: 'teddy-soft and toasty' },
    velvet: { name: 'stretch velvet', comp: '92% polyester, 8% elastane', feel: 'plush with a soft sheen' },
  },
};

HARBOUR.lines = [
  // tights & leggings
  L('leggings', 'yoga-legging', 'W', 'Softform Yoga Leggings', 68, { split: 4, best: 1, st: 1, s: 'core', act: ['yoga'], fab: 'soft' }),
  L('leggings', 'yoga-legging', 'W', 'Softform 7/8 Yoga Leggings', 65, { split: 3, st: 1, s: 'core', act: ['yoga'], fab: 'soft' }),
  L('leggings', 'flare-legging', 'W', 'Softform Flare Yoga Pants', 72, { split: 2, st: 1, s: 'recent', act: ['yoga'], fab: 'soft' }),
  L('leggings', 'yoga-legging', 'W', 'Barely There Pilates Leggings', 60, { split: 3, st: 1, s: 'new', act: ['pilates', 'barre'], fab: 'feather' }),
  L('leggings', 'yoga-legging', 'W', 'Reformer Rib Leggings', 65, { split: 2, st: 1, s: 'recent', act: ['pilates'], fab: 'rib' }),
  L('leggings', 'train-legging', 'W', 'Sculpt Gym Leggings', 78, { split: 4, best: 1, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('leggings', 'train-legging', 'W', 'Sculpt 7/8 Gym Leggings', 75, { split: 2, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('leggings', 'train-legging', 'W', 'Sculpt Pocket Workout Leggings', 82, { split: 2, s: 'recent', act: ['gym', 'hiit'], fab: 'sculpt' }),
  L('leggings', 'train-legging', 'W', 'Seamless Scrunch Bum Leggings', 48, { split: 3, s: 'old', act: ['gym'], fab: 'seam' }),
  L('leggings', 'run-tight', 'W', 'Stride Running Tights', 85, { split: 2, best: 1, s: 'core', act: ['run'], fab: 'stride' }),
  L('leggings', 'thermal-tight', 'W', 'Stride Thermal Running Tights', 92, { s: 'new', act: ['run'], fab: 'thermal' }),
  L('leggings', 'run-tight', 'W', 'Zip Hem Running Tights', 88, { s: 'old', act: ['run'], fab: 'stride' }),
  L('leggings', 'lounge-legging', 'W', 'Everyday Cotton Leggings', 40, { split: 2, s: 'core', act: ['lounge'], fab: 'cotton' }),
  L('leggings', 'run-tight', 'M', "Men's Stride Running Tights", 70, { s: 'core', act: ['run'], fab: 'stride' }),
  // sports bras
  L('bra', 'bra-low', 'W', 'Softform Yoga Bra', 40, { split: 3, best: 1, st: 1, s: 'core', act: ['yoga'], fab: 'soft' }),
  L('bra', 'bra-low', 'W', 'Barely There Strappy Bra', 38, { split: 2, st: 1, s: 'new', act: ['pilates'], fab: 'feather' }),
  L('bra', 'bra-low', 'W', 'Reformer Rib Bralette', 40, { st: 1, s: 'recent', act: ['pilates'], fab: 'rib' }),
  L('bra', 'bra-medium', 'W', 'Sculpt Workout Bra', 48, { split: 2, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('bra', 'bra-medium', 'W', 'Seamless Scrunch Sports Bra', 35, { split: 2, s: 'old', act: ['gym'], fab: 'seam' }),
  L('bra', 'bra-medium', 'W', 'Balance Medium Support Bra', 45, { s: 'recent', act: ['gym'], fab: 'sculpt' }),
  L('bra', 'bra-high', 'W', 'Momentum High Impact Running Bra', 58, { split: 3, best: 1, s: 'core', act: ['run'], fab: 'stride' }),
  L('bra', 'bra-high', 'W', 'Momentum Zip Front Running Bra', 62, { s: 'recent', act: ['run'], fab: 'stride' }),
  // tops
  L('top', 'studio-tank', 'W', 'Easy Breeze Yoga Vest', 45, { split: 3, st: 1, s: 'core', act: ['yoga'], fab: 'breeze' }),
  L('top', 'studio-tank', 'W', 'Reformer Rib Crop Top', 42, { split: 2, st: 1, s: 'recent', act: ['pilates'], fab: 'rib' }),
  L('top', 'studio-ls', 'W', 'Softform Long Sleeve Top', 58, { st: 1, s: 'core', act: ['yoga'], fab: 'soft' }),
  L('top', 'studio-ls', 'W', 'Studio Wrap Long Sleeve Top', 60, { st: 1, s: 'new', act: ['pilates', 'barre'], fab: 'soft' }),
  L('top', 'tee', 'W', 'Boyfriend Tee', 35, { split: 4, best: 1, s: 'core', act: ['lounge'], fab: 'cotton' }),
  L('top', 'tee', 'W', 'Organic Cotton Crew Tee', 30, { split: 3, s: 'core', fab: 'cotton' }),
  L('top', 'tee', 'W', 'Cropped Boxy Tee', 32, { split: 2, s: 'recent', fab: 'cotton' }),
  L('top', 'tank', 'W', 'Athlete Seamless Gym Vest', 38, { split: 2, s: 'old', act: ['gym'], fab: 'seam' }),
  L('top', 'run-tee', 'W', 'Breeze Running T-Shirt', 45, { split: 2, s: 'core', act: ['run'], fab: 'breeze' }),
  L('top', 'run-tee', 'W', 'Breeze Long Sleeve Running Top', 52, { s: 'recent', act: ['run'], fab: 'breeze' }),
  L('top', 'long-sleeve', 'W', 'Waffle Long Sleeve Tee', 42, { split: 2, s: 'recent', act: ['lounge'], fab: 'cotton' }),
  L('top', 'run-tee', 'M', "Men's Training Tee", 38, { split: 3, s: 'core', act: ['gym'], fab: 'breeze' }),
  L('top', 'tee', 'M', "Men's Heavyweight Tee", 35, { split: 3, best: 1, s: 'core', fab: 'cotton' }),
  L('top', 'tank', 'M', "Men's Gym Vest", 30, { split: 2, s: 'recent', act: ['gym'], fab: 'breeze' }),
  L('top', 'long-sleeve', 'M', "Men's Long Sleeve Base Layer", 40, { s: 'old', act: ['run'], fab: 'breeze' }),
  // joggers, shorts, skorts
  L('bottom', 'jogger', 'W', 'Weekend Joggers', 65, { split: 4, best: 1, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'jogger', 'W', 'Cuffed Sweat Joggers', 58, { split: 3, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'wide-pant', 'W', 'Wide Leg Joggers', 68, { split: 2, s: 'recent', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'sweatpant', 'W', 'Straight Leg Sweatpants', 62, { split: 2, s: 'old', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'run-short', 'W', 'Stride 3" Running Shorts', 40, { split: 2, s: 'core', act: ['run'], fab: 'stride' }),
  L('bottom', 'biker-short', 'W', 'Power Cycling Shorts', 40, { split: 3, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('bottom', 'lounge-short', 'W', 'Sweat Shorts', 38, { split: 2, s: 'recent', act: ['lounge'], fab: 'loop' }),
  L('bottom', 'skirt', 'W', 'Pleated Tennis Skort', 55, { s: 'old', act: ['tennis'], fab: 'woven' }),
  L('bottom', 'jogger', 'M', "Men's Tapered Joggers", 60, { split: 3, best: 1, s: 'core', fab: 'loop' }),
  L('bottom', 'jogger', 'M', "Men's Training Joggers", 65, { s: 'recent', act: ['gym'], fab: 'woven' }),
  L('bottom', 'run-short', 'M', 'Men\'s 7" Training Shorts', 40, { split: 2, s: 'core', act: ['gym'], fab: 'woven' }),
  L('bottom', 'lounge-short', 'M', "Men's Sweat Shorts", 38, { split: 2, s: 'recent', fab: 'loop' }),
  // hoodies, sweats, outerwear
  L('layer', 'zip-hoodie', 'W', 'Zip-Through Hoodie', 75, { split: 3, best: 1, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('layer', 'hoodie', 'W', 'Oversized Hoodie', 70, { split: 2, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('layer', 'crew-sweat', 'W', 'Crew Neck Sweat', 60, { split: 3, s: 'core', act: ['lounge'], fab: 'loop' }),
  L('layer', 'half-zip', 'W', 'Half Zip Funnel Neck Sweat', 68, { split: 2, s: 'recent', fab: 'loop' }),
  L('layer', 'run-jacket', 'W', 'Fast Track Running Jacket', 110, { s: 'core', act: ['run'], fab: 'shell' }),
  L('layer', 'run-jacket', 'W', 'Packable Wind Jacket', 95, { split: 2, s: 'recent', act: ['run', 'walk'], fab: 'shell' }),
  L('layer', 'gilet', 'W', 'Padded Gilet', 95, { split: 2, s: 'recent', fab: 'padded' }),
  L('layer', 'puffer', 'W', 'Longline Puffer Coat', 195, { split: 2, s: 'new', fab: 'padded' }),
  L('layer', 'puffer', 'W', 'Cropped Puffer Jacket', 150, { s: 'old', fab: 'padded' }),
  L('layer', 'fleece', 'W', 'Borg Fleece Zip-Through', 85, { split: 2, s: 'new', fab: 'borg' }),
  L('layer', 'shacket', 'W', 'Quilted Overshirt', 90, { s: 'recent', fab: 'padded' }),
  L('layer', 'wrap', 'W', 'Studio Wrap Cardigan', 80, { s: 'old', act: ['yoga'], fab: 'rib' }),
  L('layer', 'fitted-jacket', 'W', 'Sculpt Fitted Zip Jacket', 85, { split: 2, s: 'core', act: ['gym'], fab: 'sculpt' }),
  L('layer', 'zip-hoodie', 'M', "Men's Zip-Through Hoodie", 70, { split: 2, s: 'core', fab: 'loop' }),
  L('layer', 'hoodie', 'M', "Men's Overhead Hoodie", 65, { split: 2, s: 'recent', fab: 'loop' }),
  L('layer', 'run-jacket', 'M', "Men's Running Jacket", 110, { s: 'core', act: ['run'], fab: 'shell' }),
  L('layer', 'gilet', 'M', "Men's Padded Gilet", 95, { s: 'new', fab: 'padded' }),
  L('layer', 'half-zip', 'M', "Men's Half Zip Fleece", 75, { s: 'recent', fab: 'borg' }),
  // co-ords and sets
  ...SETC('Shape Seamless', { s: 'recent', fab: 'seam', act: ['gym'], split: 3 }, [
    ['bra-medium', 'bra', 'Shape Seamless Crop Top', 40],
    ['train-legging', 'leggings', 'Shape Seamless Leggings', 55],
    ['biker-short', 'bottom', 'Shape Seamless Shorts', 38],
  ]),
  ...SETC('Cloud Rib', { s: 'core', fab: 'rib', act: ['lounge'], split: 2 }, [
    ['wrap', 'layer', 'Cloud Rib Cardigan', 65],
    ['wide-pant', 'bottom', 'Cloud Rib Wide Leg Trousers', 60],
    ['tank', 'top', 'Cloud Rib Vest', 35],
  ]),
  ...SETC('Velvet Shine', { s: 'new', fab: 'velvet' }, [
    ['wide-pant', 'bottom', 'Velvet Flare Trousers', 70],
    ['long-sleeve', 'top', 'Velvet Long Sleeve Crop', 50],
  ]),
  ...SETC('Studio Marl', { s: 'new', fab: 'soft', act: ['yoga'], split: 2 }, [
    ['bra-low', 'bra', 'Studio Marl Bra', 42],
    ['yoga-legging', 'leggings', 'Studio Marl Leggings', 70],
  ]),
  L('set', 'set-bundle', 'W', 'Studio Bra & Leggings Set', 95, { split: 2, s: 'recent', fab: 'soft', act: ['yoga'], pieces: 'Softform Yoga Bra and Softform Yoga Leggings', contains: ['bra', 'leggings'] }),
  L('set', 'set-court', 'W', 'Tennis Club Set', 85, { s: 'old', act: ['tennis'], fab: 'woven', pieces: 'racer vest and pleated skort', contains: ['top', 'bottom'] }),
  L('set', 'set-lounge', 'W', 'Sweat & Jogger Lounge Set', 110, { split: 2, s: 'core', fab: 'loop', act: ['lounge'], pieces: 'Crew Neck Sweat and Cuffed Sweat Joggers', contains: ['layer', 'bottom'] }),
  L('set', 'set-track', 'M', "Men's Heritage Tracksuit", 120, { s: 'core', fab: 'loop', pieces: 'zip-through track top and tapered joggers', contains: ['layer', 'bottom'] }),
  // one-pieces, footwear
  L('onepiece', 'onepiece', 'W', 'Sculpt Unitard', 70, { split: 2, s: 'recent', act: ['gym', 'pilates'], fab: 'sculpt' }),
  L('onepiece', 'onepiece', 'W', 'Rib Jumpsuit', 85, { s: 'new', act: ['lounge'], fab: 'rib' }),
  L('footwear', 'trainer', 'U', 'Court Trainers', 85, { split: 2, s: 'recent', sz: 'shoe', mat: 'Leather upper, rubber sole' }),
  L('footwear', 'slider', 'U', 'Recovery Sliders', 28, { s: 'core', sz: 'shoe', mat: 'EVA foam' }),
  // accessories
  L('accessory', 'socks', 'U', 'Trainer Socks 3 Pack', 14, { split: 2, s: 'core', best: 1, sz: 'sock', mat: 'Organic cotton blend' }),
  L('accessory', 'socks', 'U', 'Crew Socks 3 Pack', 16, { s: 'core', sz: 'sock', mat: 'Organic cotton blend' }),
  L('accessory', 'socks', 'W', 'Pilates Grip Socks', 12, { split: 2, s: 'recent', sz: 'sock', act: ['pilates', 'barre'], mat: 'Cotton with silicone grips' }),
  L('accessory', 'socks', 'U', 'Running Socks', 14, { s: 'core', sz: 'sock', act: ['run'], mat: 'Recycled polyester blend' }),
  L('accessory', 'headband', 'W', 'Headband 2 Pack', 12, { s: 'core', mat: 'Polyamide/elastane' }),
  L('accessory', 'scrunchie', 'W', 'Scrunchie 3 Pack', 10, { s: 'core', mat: 'Recycled polyester' }),
  L('accessory', 'cap', 'U', 'Sports Cap', 22, { split: 2, s: 'recent', mat: 'Recycled polyester' }),
  L('accessory', 'beanie', 'U', 'Ribbed Beanie', 25, { split: 2, s: 'new', mat: 'Wool blend' }),
  L('accessory', 'gloves', 'U', 'Running Gloves', 20, { s: 'old', act: ['run'], mat: 'Polyester/elastane' }),
  L('accessory', 'bottle', 'U', 'Steel Water Bottle 750ml', 25, { split: 2, s: 'core', mat: 'Stainless steel' }),
  L('accessory', 'duffel', 'U', 'Gym Holdall', 60, { s: 'core', act: ['gym'], mat: 'Recycled polyester' }),
  L('accessory', 'tote', 'W', 'Canvas Tote Bag', 30, { s: 'recent', mat: 'Organic cotton canvas' }),
  L('accessory', 'beltbag', 'U', 'Belt Bag', 28, { s: 'recent', mat: 'Recycled nylon' }),
  L('accessory', 'mat', 'U', 'Yoga Mat 4mm', 65, { s: 'core', act: ['yoga'], mat: 'Natural rubber' }),
  L('accessory', 'block', 'U', 'Cork Yoga Block', 18, { s: 'core', act: ['yoga'], mat: 'Cork' }),
  L('accessory', 'strap', 'U', 'Yoga Strap', 12, { s: 'old', act: ['yoga'], mat: 'Cotton' }),
  L('accessory', 'towel', 'U', 'Gym Towel', 15, { s: 'core', act: ['gym'], mat: 'Microfibre' }),
  L('accessory', 'hairties', 'W', 'Claw Clip 2 Pack', 8, { s: 'new', mat: 'Recycled acetate' }),
  L('accessory', 'band', 'U', 'Resistance Band Set', 20, { s: 'recent', act: ['gym', 'pilates'], mat: 'Fabric-covered latex' }),
];

// ------------------------------------------------------------ catalog numbers
// Read by the shared catalog steps in ../shared.mjs.

// sizeKey: 60% of women's leggings and bottoms use UK sizes (4-18), the rest letters.
HARBOUR.numericSizes = { key: 'wuk', families: ['leggings', 'bottom'], p: 0.6 };

// addItems: markdowns to a whole pound. SKUs use the line number (variant ids
// are assigned later, in created_at order).
HARBOUR.salePrice = (priceC, R) => Math.round((priceC * R.float(0.5, 0.8)) / 100) * 100;
HARBOUR.skuStem = (g) => `HB${g.lineNo}`;
HARBOUR.outOfStock = 0.08;

// About 6% of full-price colourways show compare_at_price == price (not a sale).
HARBOUR.perColour = (sale, R) => ({ fakeCompare: !sale && R.chance(0.06) });

// ----------------------------------------------------------------------- copy

HARBOUR.copy = {
  'yoga-legging': {
    i: [
      'Our softest leggings, made for yoga. The {name} are {fabfeel}, so you forget you\u2019ve got them on.',
      'Designed for the mat and the reformer: a high waist that stays put through every flow, in {fabname} fabric that\u2019s {fabfeel}.',
      'Low-impact favourites. Buttery, stretchy and made for slow flows, pilates and barre.',
    ],
    b: ['Super-high waistband with a hidden key pocket.', 'No front seam for comfort in every pose.', 'Best for low-impact workouts like yoga and pilates.', 'Non-see-through, always.'],
  },
  'flare-legging': {
    i: ['The {name} are fitted through the thigh and flare out below the knee. Yoga class to coffee, sorted.', 'Your favourite yoga leggings, with a flare. {fabname} fabric that\u2019s {fabfeel}.'],
    b: ['High waist.', 'Made for yoga, pilates and weekends.', 'Full length flare.'],
  },
  'train-legging': {
    i: [
      'Meet your new gym leggings. The {name} are {fabfeel}, with a waistband that doesn\u2019t roll down mid-squat.',
      'Built for lifting, HIIT and everything heavy. Bum-sculpting {fabname} fabric that\u2019s 100% squat-proof.',
      'Our bestselling workout leggings, made to hold you in through every rep.',
    ],
    b: ['Side pockets big enough for your phone.', 'Squat-proof and sweat-wicking.', 'Bum-sculpting seams.', 'Waistband stays put, rep after rep.'],
  },
  'run-tight': {
    i: [
      'Made for running. The {name} are {fabfeel}, with compression that supports your muscles mile after mile.',
      'High-intensity running tights that don\u2019t slip: tempo runs, intervals, parkrun PBs.',
      'Our most supportive running tights, with zip pockets and reflective details for winter runs.',
    ],
    b: ['Zip back pocket for keys.', 'Reflective details for low light.', 'Phone pockets on both thighs.', 'Drawcord waist.', 'Compressive fit for high-impact running.'],
  },
  'thermal-tight': {
    i: ['Winter running tights, {fabfeel}. The {name} keep you warm on cold, dark runs.', 'Cold-weather running sorted: brushed-back fabric and reflective trims.'],
    b: ['Brushed inner for warmth.', 'Zip ankles.', 'Reflective details.'],
  },
  'lounge-legging': {
    i: ['Simple, soft cotton leggings for every day. The {name} go with everything.'],
    b: ['Elasticated waist.', 'Mid rise.'],
  },
  'bra-low': {
    i: ['Light support for yoga, pilates and lounging. The {name} is {fabfeel}.', 'A soft, low-impact sports bra with removable pads and thin, strappy straps.'],
    b: ['Light support.', 'Removable pads.', 'Best for A-C cups and low-impact workouts.'],
  },
  'bra-medium': {
    i: ['Medium support for the gym. The {name} keeps you secure through weights, spin and circuits.', 'A supportive workout bra, {fabfeel}.'],
    b: ['Medium support.', 'Racer back.', 'Removable pads.'],
  },
  'bra-high': {
    i: ['Our most supportive sports bra, made for running and high-impact workouts. The {name} minimises bounce without digging in.', 'High impact? No problem. Adjustable straps and moulded cups lock you in.'],
    b: ['High support.', 'Adjustable straps and back fastening.', 'Moulded cups.', 'Tested for running and HIIT.'],
  },
  'studio-tank': {
    i: ['A lightweight yoga vest you\u2019ll want to flow in. The {name} is {fabfeel}.', 'Cropped, fitted and made for the studio: wear it over your favourite bra.'],
    b: ['Longline crop length.', 'Built-in shelf bra.', 'Sits at your high-waisted leggings.'],
  },
  'studio-ls': {
    i: ['A fitted long sleeve top for yoga and pilates, {fabfeel}.', 'Soft layers for the studio: the {name} has thumbholes and a slim fit.'],
    b: ['Thumbholes.', 'Slim fit.', 'Slightly cropped.'],
  },
  tee: {
    i: ['Your new everyday tee. The {name} is made from {fabname}, {fabfeel}.', 'A relaxed T-shirt that goes with joggers, jeans and everything in between.'],
    b: ['Relaxed fit.', 'Dropped shoulders.', 'Pre-washed for softness.'],
  },
  tank: {
    i: ['A lightweight vest for hot workouts. The {name} is {fabfeel}.', 'Open back, deep armholes, zero fuss: your new gym vest.'],
    b: ['Racer back.', 'Quick-drying.'],
  },
  'run-tee': {
    i: ['Breathable, quick-drying and made to run in. The {name} is {fabfeel}.', 'Your go-to running top for every distance.'],
    b: ['Anti-odour finish.', 'Reflective logo.', 'Flatlock seams to stop chafing.'],
  },
  'long-sleeve': {
    i: ['An easy long sleeve top, {fabfeel}.', 'Layer it or wear it on its own: the {name} is a wardrobe staple.'],
    b: ['Relaxed fit.', 'Ribbed cuffs.'],
  },
  jogger: {
    i: ['The joggers you\u2019ll live in. The {name} are {fabfeel}, with a relaxed leg and cuffed hem.', 'Sofa, school run, Sunday walk: our {name} do it all.'],
    b: ['Drawcord waist.', 'Side pockets and a back pocket.', 'Cuffed ankles.'],
  },
  sweatpant: {
    i: ['Straight-leg sweatpants in {fabname}, {fabfeel}.', 'Easy, relaxed sweatpants made for weekends.'],
    b: ['Elasticated waist with drawcord.', 'Straight leg.'],
  },
  'wide-pant': {
    i: ['Wide-leg and relaxed, the {name} are {fabfeel}.', 'Easy wide-leg bottoms that dress up or down.'],
    b: ['High waist.', 'Full-length wide leg.'],
  },
  'run-short': {
    i: ['Light running shorts with a built-in brief and zip pocket. The {name} are made to move.', 'Quick-drying shorts for races, runs and hot training sessions.'],
    b: ['Built-in brief.', 'Zip pocket.', 'Split hem.'],
  },
  'biker-short': {
    i: ['Cycling shorts that stay put, {fabfeel}.', 'High-waisted shorts for the gym, the bike and summer days.'],
    b: ['Side pocket.', 'No ride-up.'],
  },
  'lounge-short': {
    i: ['Soft sweat shorts for warm days and lazy weekends.', 'The {name}: comfy, relaxed and made for downtime.'],
    b: ['Drawcord waist.', 'Side pockets.'],
  },
  skirt: {
    i: ['A pleated skort with built-in shorts and a ball pocket. Tennis, padel or just because.'],
    b: ['Built-in shorts.', 'Ball pocket.'],
  },
  'zip-hoodie': {
    i: ['A zip-through hoodie you\u2019ll throw on every day. The {name} is {fabfeel}.', 'The zip-through: relaxed fit, deep pockets and a roomy hood.'],
    b: ['Two-way zip.', 'Zip pockets.', 'Relaxed fit.'],
  },
  hoodie: {
    i: ['An oversized hoodie for post-workout and beyond, {fabfeel}.', 'Cosy season: our {name} has a roomy hood and kangaroo pocket.'],
    b: ['Oversized fit.', 'Kangaroo pocket.', 'Ribbed cuffs.'],
  },
  'crew-sweat': {
    i: ['A classic crew neck sweat in {fabname}, {fabfeel}.', 'The everyday sweat: relaxed fit and soft inside.'],
    b: ['Ribbed hem and cuffs.', 'Relaxed fit.'],
  },
  'half-zip': {
    i: ['A half zip with a funnel neck, for cold mornings and colder walks. {fabname}, {fabfeel}.', 'Throw it on over your vest: the {name} is the layer you need.'],
    b: ['Funnel neck.', 'Half zip.'],
  },
  'run-jacket': {
    i: ['A lightweight running jacket that\u2019s {fabfeel}. Packs down into its own pocket.', 'Rain or shine, the {name} keeps you running.'],
    b: ['Showerproof.', 'Reflective details.', 'Packs into its pocket.', 'Back vent.'],
  },
  puffer: {
    i: ['Stay toasty all winter. The {name} is {fabfeel}, with a high neck and a generous hood.', 'A padded coat for the coldest days, made with recycled fill.'],
    b: ['Water-repellent.', 'Two-way zip.', 'Fleece-lined pockets.'],
  },
  gilet: {
    i: ['A padded gilet for layering over sweats, {fabfeel}.', 'Core warmth without the bulk: the {name} is made for walks and weekends.'],
    b: ['Zip pockets.', 'Packable.'],
  },
  fleece: {
    i: ['A teddy-soft zip-through in {fabname}, {fabfeel}.', 'The cosiest layer we make. Throw it on for dog walks and post-run.'],
    b: ['High neck.', 'Zip pockets.'],
  },
  shacket: {
    i: ['A quilted overshirt for in-between weather, {fabfeel}.', 'Half shirt, half jacket: the {name} layers over everything.'],
    b: ['Press-stud front.', 'Chest pockets.'],
  },
  wrap: {
    i: ['A soft rib cardigan to wrap up in after class.', 'Wrap it, tie it, layer it: the {name} is {fabfeel}.'],
    b: ['Tie waist.', 'Relaxed fit.'],
  },
  'fitted-jacket': {
    i: ['A fitted zip jacket for the gym, {fabfeel}.', 'Zip up before your warm-up: the {name} is slim fit with thumbholes.'],
    b: ['Thumbholes.', 'Slim fit.', 'Zip pockets.'],
  },
  onepiece: {
    i: ['One piece, zero effort. The {name} is {fabfeel}.', 'A sleek all-in-one for class and beyond.'],
    b: ['Scoop back.', 'Built-in support.'],
  },
  trainer: { i: ['Clean, classic court trainers with a cushioned footbed.'], b: ['Leather upper.', 'Rubber sole.'] },
  slider: { i: ['Cushioned sliders for post-workout recovery.'], b: ['Moulded footbed.'] },
  socks: { i: ['Cushioned, breathable and made to stay up. {name}.', 'Everyday sports socks with arch support.'], b: ['Arch support.', 'Cushioned sole.'] },
  headband: { i: ['Non-slip headbands that keep your hair back through every workout.'], b: ['Sweat-wicking.'] },
  scrunchie: { i: ['Soft scrunchies that are kind to your hair.'], b: ['No kinks.'] },
  cap: { i: ['A lightweight sports cap for sunny runs.'], b: ['Adjustable strap.'] },
  beanie: { i: ['A chunky rib beanie for cold days.'], b: ['Turn-up cuff.'] },
  gloves: { i: ['Touchscreen-friendly running gloves.'], b: ['Reflective print.'] },
  bottle: { i: ['Double-walled steel bottle: cold for 24 hours, hot for 12.'], b: ['Leakproof lid.'] },
  duffel: { i: ['A roomy gym holdall with a separate shoe compartment.'], b: ['Padded strap.', 'Wet pocket.'] },
  tote: { i: ['A sturdy canvas tote for your mat, bottle and spare kit.'], b: ['Inner pocket.'] },
  beltbag: { i: ['Hands-free belt bag for your phone, keys and cards.'], b: ['Adjustable strap.'] },
  mat: { i: ['A grippy 4mm yoga mat made from natural rubber.'], b: ['Non-slip.', 'Carry strap included.'] },
  block: { i: ['A sturdy cork block for support in every pose.'], b: ['Natural cork.'] },
  strap: { i: ['A cotton yoga strap to help you go deeper.'], b: ['Metal buckle.'] },
  towel: { i: ['A quick-dry gym towel that folds up small.'], b: ['Microfibre.'] },
  hairties: { i: ['Matte claw clips to keep your hair up mid-workout.'], b: ['Strong hold.'] },
  band: { i: ['Three fabric resistance bands for glutes, pilates and warm-ups.'], b: ['Light, medium and heavy.'] },
  'set-bundle': {
    i: ['Buy the set and save. The {name} includes our {pieces} in matching colours.', 'The matching set you\u2019ll wear on repeat: {pieces}, sold together.'],
    b: ['Sold as a set.', 'Choose one size for both pieces.'],
  },
  'set-court': { i: ['Match point. The {name} includes a {pieces}, made to be worn together.'], b: ['Sold as a set.'] },
  'set-lounge': { i: ['The lounge set, done for you: {pieces} in one colour.', 'Matching sweats, sold as a set: {pieces}.'], b: ['Sold as a set.', 'Relaxed fit.'] },
  'set-track': { i: ['A matching tracksuit: {pieces}, sold together.'], b: ['Sold as a set.'] },
};

HARBOUR.setLine = [
  'Part of our {set} co-ord. Wear it with the {mate} for the full look.',
  'Complete the co-ord with the matching {mate}.',
  'Shop the set: pair with the {mate}.',
  'One half of the {set} matching set.',
];

// ------------------------------------------------------------ labels and tags

HARBOUR.ptype = (g) => {
  const M = g.g === 'M';
  if (g.f === 'set' && g.set) return 'Co-ord';
  const m = {
    'yoga-legging': 'Womens Tights', 'flare-legging': 'Yoga Pants', 'train-legging': 'Womens Tights', 'run-tight': M ? 'Mens Running' : 'Running Tights',
    'thermal-tight': 'Running Tights', 'lounge-legging': 'Leggings', 'bra-low': 'Sports Bras', 'bra-medium': 'Sports Bras', 'bra-high': 'Sports Bras',
    'studio-tank': 'Vests', tank: M ? 'Mens Tops' : 'Vests', tee: M ? 'Mens Tops' : 'Womens T-Shirts', 'studio-ls': 'Long Sleeve Tops',
    'long-sleeve': M ? 'Mens Tops' : 'Long Sleeve Tops', 'run-tee': M ? 'Mens Tops' : 'Running Tops', jogger: 'Joggers', sweatpant: 'Joggers',
    'wide-pant': 'Womens Trousers', 'run-short': 'Shorts', 'biker-short': 'Shorts', 'lounge-short': 'Shorts', skirt: 'Skorts',
    'zip-hoodie': 'Hoodies & Sweats', hoodie: 'Hoodies & Sweats', 'crew-sweat': 'Hoodies & Sweats', 'half-zip': M ? 'Mens Sweats' : 'Hoodies & Sweats',
    'run-jacket': 'Outerwear', puffer: 'Outerwear', gilet: 'Gilets', fleece: 'Outerwear', shacket: 'Shirts & Overshirts', wrap: 'Knitwear',
    'fitted-jacket': 'Jackets', onepiece: 'Unitards & Jumpsuits', trainer: 'Trainers', slider: 'Sliders', socks: 'Socks',
    'set-bundle': 'Sets', 'set-court': 'Sets', 'set-lounge': 'Sets', 'set-track': 'Tracksuits',
    bottle: 'Accessories', cap: 'Accessories', beanie: 'Accessories', gloves: 'Accessories', headband: 'Accessories', scrunchie: 'Accessories',
    hairties: 'Accessories', duffel: 'Bags', tote: 'Bags', beltbag: 'Bags', mat: 'Yoga Kit', block: 'Yoga Kit', strap: 'Yoga Kit', towel: 'Accessories',
    band: 'Equipment',
  };
  const pt = m[g.k];
  if (!pt) throw new Error(`harbour ptype ${g.k}`);
  return pt;
};

HARBOUR.navCollection = (g) =>
  ({
    leggings: 'Leggings & Tights', bra: 'Sports Bras', top: 'Tops & T-Shirts', bottom: 'Joggers & Shorts', layer: ['hoodie', 'zip-hoodie', 'crew-sweat', 'half-zip'].includes(g.k) ? 'Hoodies & Sweatshirts' : 'Jackets & Coats',
    set: 'Co-ords & Sets', onepiece: 'Unitards & Jumpsuits', footwear: 'Footwear', accessory: 'Accessories',
  })[g.family];

// body_html in the store's four states: full, short, pasted editor junk, empty.
function harbourText(g, R) {
  const { intro, body: bullets, setLine } = copyParts(HARBOUR, g, R, 4);
  const enc = (s) => s.replace(/&/g, '&amp;');
  const style = R.weighted(['full', 'short', 'messy', 'empty'], [0.62, 0.2, 0.15, 0.03]);
  if (style === 'empty') {
    g.body = '';
    return;
  }
  const parts = [];
  if (style === 'messy') parts.push('<meta charset="utf-8">');
  const introHtml = style === 'messy' ? `<span data-mce-fragment="1">${enc(intro)}</span>` : enc(intro);
  parts.push(`<p>${introHtml}</p>`);
  if (setLine) parts.push(`<p><strong>${enc(setLine)}</strong></p>`);
  if (style === 'short') {
    g.body = parts.join('') + (bullets.length ? `<p>${enc(bullets.join(' '))}</p>` : '');
    return;
  }
  parts.push(`<ul>${bullets.map((b) => `<li>${enc(b)}</li>`).join('')}</ul>`);
  if (g.fab) parts.push(`<p><strong>Fabric &amp; Care</strong><br>${enc(g.fab.comp)}. Machine wash at 30\u00b0C.</p>`);
  else if (g.mat) parts.push(`<p><strong>Materials</strong><br>${enc(g.mat)}</p>`);
  if (!['accessory', 'footwear'].includes(g.family)) {
    const model = R.pick(["5'8\"", "5'9\"", "5'10\"", "5'7\""]);
    const ms = g.gender === 'M' ? 'M' : R.pick(['UK 8', 'S', 'UK 10', 'XS']);
    parts.push(`<p><strong>Fit</strong><br>${R.pick(['True to size.', 'Fits true to size.', 'Relaxed fit, size down for a closer fit.', 'Slim fit.'])} Model is ${enc(model).replace(/"/g, '&quot;')} and wears a ${ms}.</p>`);
  }
  g.body = parts.join('');
}

function harbourTags(g, R) {
  const t = [];
  const seasonTag = { new: 'AW26', recent: R.pick(['SS26', 'SS26']), core: R.pick(['core', 'Core', 'evergreen']), old: R.pick(['AW25', 'SS25']) }[g.s];
  t.push(seasonTag);
  if (g.isNew) t.push(R.pick(['new-in', 'new-in', 'NEW IN', 'new_in']));
  if (g.best) t.push(R.pick(['bestseller', 'Bestseller', 'best-seller']));
  t.push(g.gender === 'M' ? 'mens' : g.gender === 'W' ? R.pick(['womens', 'Womens', 'women']) : 'unisex');
  for (const [c] of g.colours) t.push(`colour_${slug(c).replace(/-/g, '_')}`);
  if (g.family !== 'accessory' && g.family !== 'footwear') {
    const fit = { leggings: 'slim', bra: 'fitted', top: R.pick(['relaxed', 'regular', 'slim']), bottom: R.pick(['relaxed', 'regular']), layer: R.pick(['relaxed', 'oversized', 'regular']), set: 'regular', onepiece: 'slim' }[g.family];
    t.push(`fit_${fit}`);
  }
  for (const a of g.act || []) t.push(R.chance(0.8) ? a : cap(a));
  if (g.setName) t.push(R.pick(['co-ord', 'coord', 'matching-set']), `coord_${slug(g.setName).replace(/-/g, '_')}`);
  if (g.f === 'set' && !g.setName) t.push('set', 'bundle');
  t.push(`YGroup_${slug(g.n).replace(/-/g, '_')}`);
  const onSale = g.items.some((it) => it.saleC);
  if (onSale) {
    const pct = Math.round((1 - g.items.find((it) => it.saleC).saleC / g.priceC) * 10) * 10;
    t.push('sale', `sale-${pct}`);
    if (R.chance(0.5)) t.push('final-sale');
  }
  if (['leggings'].includes(g.family)) t.push('size-guide-tights');
  if (g.family === 'bra') t.push('size-guide-bras');
  if (R.chance(0.15)) t.push('exclude-discount');
  if (R.chance(0.1)) t.push('gwp-eligible');
  return uniq(R.shuffle(t)).join(', ');
}

// -------------------------------------------------------------------- catalog

// A line with `split: n` becomes n products of one colour each (title "Name -
// Colour"), the others one product in 1-3 colours; up to 8 variants each.
// created_at comes from the season bucket and doubles as the launch date.
// Product, variant and image ids are handed out in created_at order.
function buildHarbour() {
  const B = HARBOUR;
  const R = new Rng('harbour:catalog');
  const groups = [];
  const createdRange = {
    new: [NOW - 80 * DAY, NOW - 12 * DAY], recent: [Date.UTC(2026, 1, 1), Date.UTC(2026, 7, 31)],
    core: [Date.UTC(2021, 2, 1), Date.UTC(2024, 5, 30)], old: [Date.UTC(2024, 8, 1), Date.UTC(2025, 11, 15)],
  };
  let lineNo = 100;
  for (const ln of B.lines) {
    lineNo += R.int(1, 9);
    const acc = ln.f === 'accessory';
    const nProducts = ln.split || 1;
    const palette = R.shuffle(B.colours.slice(1));
    const lineColours = (R.chance(0.7) ? [B.colours[0]] : []).concat(palette);
    for (let pi = 0; pi < nProducts; pi++) {
      const g = baseGroup(B, ln, ln.n, R);
      g.lineNo = lineNo;
      const list = B.sizes[sizeKey(B, g, R)];
      if (ln.split) {
        g.colours = [lineColours[pi]];
        g.sizes = list.length <= 3 ? list.slice() : sizeWindow(R, list, Math.min(8, R.int(4, list.length)));
      } else {
        const nCol = acc ? R.weighted([1, 2, 3], [0.5, 0.3, 0.2]) : R.weighted([1, 2], [0.45, 0.55]);
        g.colours = lineColours.slice(0, nCol);
        const maxSizes = Math.floor(8 / nCol);
        g.sizes = list.length <= 1 ? list.slice() : sizeWindow(R, list, Math.min(maxSizes, list.length, R.int(3, 5)));
      }
      const t0 = createdRange[ln.s];
      g.createdMs = Math.floor(R.float(t0[0], t0[1]) / 1000) * 1000;
      g.launchMs = g.createdMs;
      g.splitProduct = !!ln.split;
      g.title = ln.split && (R.chance(0.5) || nProducts > 1) ? `${ln.n} - ${g.colours[0][0]}` : ln.n;
      g.handle = ln.split ? `${slug(ln.n)}-${slug(g.colours[0][0])}` : slug(ln.n);
      g.ptype = B.ptype(g);
      harbourText(g, R);
      addItems(B, g, R);
      groups.push(g);
    }
  }
  // Shopify ids grow with creation time.
  const byCreated = groups.slice().sort((a, b) => a.createdMs - b.createdMs || a.lineNo - b.lineNo);
  let pid = 7412000000000;
  let vid = 42100000000000;
  let imgId = 33800000000000;
  for (const g of byCreated) {
    pid += R.int(2000000, 900000000);
    g.gid = String(pid);
    g.pid = pid;
    for (const it of g.items) {
      vid += R.int(1, 60000);
      it.vid = vid;
      it.id = String(vid);
    }
    imgId += R.int(1000, 90000000);
    g.imgBase = imgId;
  }
  // Tags use the sale state, so they are built once items exist.
  for (const g of groups) g.tags = harbourTags(g, R);
  return byCreated.reverse();
}

// -------------------------------------------------------------- products.json

function londonOffset(ms) {
  const m = new Date(ms).getUTCMonth() + 1;
  return m >= 4 && m <= 10 ? 1 : 0;
}

function shopifyTime(ms) {
  const off = londonOffset(ms);
  const local = new Date(Math.floor(ms / 1000) * 1000 + off * HOUR).toISOString().replace('.000Z', '');
  return `${local}+0${off}:00`;
}

function harbourProductsJson(groups) {
  const B = HARBOUR;
  const R = new Rng('harbour:json');
  const lines = [];
  for (const g of groups) {
    const created = shopifyTime(g.createdMs);
    const updated = shopifyTime(Math.min(NOW - R.int(1, 6) * DAY - R.int(0, 80000) * 1000, g.createdMs + R.int(1, 200) * DAY + R.int(0, 80000) * 1000));
    const variants = g.items.map((it, i) => {
      const onSale = !!it.saleC;
      return {
        id: it.vid,
        product_id: g.pid,
        title: `${it.colour} / ${it.size}`,
        option1: it.colour,
        option2: it.size,
        option3: null,
        sku: it.sku,
        price: money(onSale ? it.saleC : it.priceC),
        compare_at_price: onSale ? money(it.priceC) : it.fakeCompare ? money(it.priceC) : null,
        available: it.avail,
        position: i + 1,
        grams: { accessory: 150, footwear: 900, layer: 650 }[g.family] || 250,
      };
    });
    const images = [];
    g.colours.forEach(([cname, ccode], ci) => {
      const n = R.chance(0.3) ? 2 : 1;
      for (let k = 0; k < n; k++) {
        images.push({
          id: g.imgBase + images.length,
          product_id: g.pid,
          position: images.length + 1,
          src: `https://cdn.shopify.example/s/files/1/0612/8841/2345/products/${g.handle.toUpperCase().replace(/-/g, '_')}_${ccode}_${k + 1}.jpg?v=${Math.floor(g.createdMs / 1000) + ci}`,
          variant_ids: k === 0 ? variants.filter((v) => v.option1 === cname).map((v) => v.id) : [],
        });
      }
    });
    const p = {
      id: g.pid,
      title: g.title,
      handle: g.handle,
      body_html: g.body,
      published_at: created,
      created_at: created,
      updated_at: updated,
      vendor: B.brand,
      product_type: g.ptype,
      tags: g.tags,
      options: [
        { name: 'Colour', position: 1, values: g.colours.map((c) => c[0]) },
        { name: 'Size', position: 2, values: g.sizes },
      ],
      variants,
      images,
    };
    lines.push(JSON.stringify(p));
  }
  return '{"products":[\n' + lines.join(',\n') + '\n]}\n';
}

// -------------------------------------------------------- customers (Klaviyo)

// First names, locales and how the gender attribute is spelt; the share of men
// in each persona; coupon codes; order numbers; the email campaigns.
HARBOUR.customers = {
  W: ['Amelia', 'Olivia', 'Isla', 'Ava', 'Emily', 'Sophie', 'Grace', 'Lucy', 'Ella', 'Charlotte', 'Hannah', 'Chloe', 'Megan', 'Holly', 'Jess', 'Katie', 'Lauren', 'Rebecca', 'Georgia', 'Abigail', 'Freya', 'Imogen', 'Poppy', 'Millie', 'Niamh', 'Aoife', 'Siobhan', 'Harriet', 'Eleanor', 'Beth', 'Zara', 'Aisha', 'Priya', 'Rosie', 'Phoebe', 'Esme'],
  M: ['Oliver', 'Harry', 'Jack', 'George', 'Charlie', 'James', 'Tom', 'Alfie', 'Josh', 'Callum', 'Liam', 'Connor', 'Ollie', 'Sam', 'Dan', 'Ciarán', 'Rhys', 'Arjun'],
  locales: [['en-GB', 0.92], ['en-IE', 0.08]],
  genderWords: { W: 'Female', M: 'Male' },
  menShare: { studio: 0, styling: 0.07, casual: 0.35, browser: 0.22, deals: 0.22 },
  coupons: { deals: ['SALE20', 'BLACKFRIDAY', 'EXTRA15', 'STUDENT15', 'APP10'], other: ['HELLO10', 'STUDENT15'] },
  firstOrderNo: 58200,
  campaigns: [
    ['AW26 New In', 'New in: the AW26 edit is here', '/collections/new-in'],
    ['Black Friday Early Access', 'Psst. Early access starts now', '/collections/black-friday'],
    ['Sale: Extra 20% Off', 'Extra 20% off sale, today only', '/collections/sale'],
    ['Co-ord Edit', 'Match made: the co-ord edit', '/collections/co-ords-sets'],
    ['Layering Season', 'Cosy layers for colder days', '/collections/hoodies-sweatshirts'],
    ['Studio Edit', 'Your studio wardrobe, sorted', '/collections/yoga'],
    ['We Miss You', 'Still thinking about it?', '/collections/bestsellers'],
  ],
};

function harbourCollections(g) {
  const c = [g.gender === 'M' ? 'Mens' : g.gender === 'W' ? 'Womens' : 'All Products', HARBOUR.navCollection(g)];
  const act = { yoga: 'Yoga', pilates: 'Pilates', barre: 'Pilates', run: 'Running', gym: 'Gym & Training', hiit: 'Gym & Training', lounge: 'Loungewear', tennis: 'Tennis', walk: 'Walking' };
  for (const a of g.act || []) if (act[a]) c.push(act[a]);
  if (g.isNew) c.push('New In');
  if (g.best) c.push('Bestsellers');
  if (g.items.some((it) => it.saleC)) c.push('Sale');
  return uniq(c);
}

// Klaviyo metric events (harbour). ProductID is the Shopify product id on about
// half of the events and the variant id on the rest.
function klaviyoFormat() {
  const B = HARBOUR;
  const kTime = (ms) => isoSec(ms).replace('Z', '+00:00');
  return {
    customerId(R) {
      const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
      let s = '01J';
      for (let i = 0; i < 23; i++) s += alphabet[R.int(0, 31)];
      return s;
    },
    event(e, R) {
      const time = kTime(e.t);
      const pid = (it) => (R.chance(0.5) ? it.group.pid : it.vid);
      switch (e.type) {
        case 'view': {
          const it = e.it;
          const props = { ProductID: pid(it), ProductName: it.group.title, Price: num(it.saleC || it.priceC) };
          if (it.saleC) props.CompareAtPrice = num(it.priceC);
          props.Categories = harbourCollections(it.group);
          return { metric: 'Viewed Product', time, properties: props };
        }
        case 'add': {
          const it = e.it;
          const price = num(it.saleC || it.priceC);
          return { metric: 'Added to Cart', time, properties: { $value: Number((price * e.qty).toFixed(2)), AddedItemProductID: pid(it), AddedItemProductName: it.group.title, AddedItemSKU: it.sku, AddedItemPrice: price, AddedItemQuantity: e.qty, AddedItemCategories: harbourCollections(it.group) } };
        }
        case 'order': {
          const { sub, disc } = orderTotals(e);
          const items = e.lines.map((l) => ({ ProductID: pid(l.it), SKU: l.it.sku, ProductName: l.it.group.title, ItemPrice: num(l.paidC), Quantity: l.qty, Categories: harbourCollections(l.it.group) }));
          const props = { $event_id: String(5900000000000 + e.orderNo * 7919), $value: num(sub - disc), OrderId: `#H${e.orderNo}` };
          if (e.coupon) Object.assign(props, { DiscountCode: e.coupon, DiscountValue: num(disc) });
          props.Items = items;
          return { metric: 'Placed Order', time, properties: props };
        }
        case 'open':
          return { metric: 'Opened Email', time, properties: { 'Campaign Name': e.camp[0], Subject: e.camp[1] } };
        case 'click':
          return { metric: 'Clicked Email', time, properties: { 'Campaign Name': e.camp[0], URL: `${B.site}${e.camp[2]}?utm_source=klaviyo&utm_medium=email` } };
      }
      throw new Error(e.type);
    },
  };
}

// --------------------------------------------------------------------- wiring

// What generate.mjs runs: the catalog, the feed file and the event format.
HARBOUR.build = buildHarbour;
HARBOUR.feed = { file: 'products.json', format: 'shopify-products-json', render: harbourProductsJson };
HARBOUR.events = klaviyoFormat;

export default HARBOUR;
