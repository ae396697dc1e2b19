//! The email model is itself the template data: every view type answers Liquid's lookups by
//! field name (the same names it serializes with), so a render reads the model in place instead
//! of first copying it into a tree of template values, which cost about a sixth of a render.
//! `tests/sample_campaign.rs` checks that both give byte-identical emails for every sample customer.

use std::fmt;

use liquid_core::model::{
    DisplayCow, KStringCow, ObjectRender, ObjectSource, ObjectView, State, Value, ValueView,
};

use super::model::{
    BrandView, CampaignView, CopyView, CustomerView, DecisionView, EmailModel, Links, OfferView,
    ProductView, ShopView, UtmView,
};

/// Implements `ValueView` and `ObjectView` for a view type: `"key" => field` for each entry.
macro_rules! template_object {
    ($type:ty { $($key:literal => $field:ident),* $(,)? }) => {
        impl ValueView for $type {
            fn as_debug(&self) -> &dyn fmt::Debug {
                self
            }

            fn render(&self) -> DisplayCow<'_> {
                DisplayCow::Owned(Box::new(ObjectRender::new(self)))
            }

            fn source(&self) -> DisplayCow<'_> {
                DisplayCow::Owned(Box::new(ObjectSource::new(self)))
            }

            fn type_name(&self) -> &'static str {
                "object"
            }

            fn query_state(&self, state: State) -> bool {
                matches!(state, State::Truthy)
            }

            fn to_kstr(&self) -> KStringCow<'_> {
                KStringCow::from_string(self.render().to_string())
            }

            fn to_value(&self) -> Value {
                Value::Object(
                    ObjectView::iter(self)
                        .map(|(k, v)| (k.into_owned(), v.to_value()))
                        .collect(),
                )
            }

            fn as_object(&self) -> Option<&dyn ObjectView> {
                Some(self)
            }
        }

        impl ObjectView for $type {
            fn as_value(&self) -> &dyn ValueView {
                self
            }

            fn size(&self) -> i64 {
                [$($key),*].len() as i64
            }

            fn keys<'k>(&'k self) -> Box<dyn Iterator<Item = KStringCow<'k>> + 'k> {
                Box::new([$($key),*].into_iter().map(KStringCow::from_static))
            }

            fn values<'k>(&'k self) -> Box<dyn Iterator<Item = &'k dyn ValueView> + 'k> {
                Box::new([$(&self.$field as &dyn ValueView),*].into_iter())
            }

            fn iter<'k>(
                &'k self,
            ) -> Box<dyn Iterator<Item = (KStringCow<'k>, &'k dyn ValueView)> + 'k> {
                Box::new(
                    [$(($key, &self.$field as &dyn ValueView)),*]
                        .into_iter()
                        .map(|(k, v)| (KStringCow::from_static(k), v)),
                )
            }

            fn contains_key(&self, index: &str) -> bool {
                matches!(index, $($key)|*)
            }

            fn get<'s>(&'s self, index: &str) -> Option<&'s dyn ValueView> {
                match index {
                    $($key => Some(&self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

template_object!(EmailModel {
    "customer" => customer,
    "brand" => brand,
    "copy" => copy,
    "product" => product,
    "alternates" => alternates,
    "offer" => offer,
    "decision" => decision,
    "links" => links,
    "campaign" => campaign,
    "shop" => shop,
    "now" => now,
});

template_object!(CustomerView {
    "id" => id,
    "first_name" => first_name,
    "locale" => locale,
    "attributes" => attributes,
});

template_object!(BrandView {
    "name" => name,
    "website" => website,
    "logo_url" => logo_url,
    "accent_color" => accent_color,
    "address" => address,
});

template_object!(CopyView {
    "subject" => subject,
    "preheader" => preheader,
    "headline" => headline,
    "body" => body,
    "cta" => cta,
    "reasons_to_buy" => reasons_to_buy,
    "offer_line" => offer_line,
});

template_object!(ProductView {
    "id" => id,
    "title" => title,
    "description" => description,
    "url" => url,
    "image_url" => image_url,
    "price" => price,
    "regular_price" => regular_price,
    "on_sale" => on_sale,
    "price_minor" => price_minor,
    "currency" => currency,
    "color" => color,
    "category" => category,
});

template_object!(OfferView {
    "type" => kind,
    "code" => code,
    "percent" => percent,
    "line" => line,
    "positioning" => positioning,
});

template_object!(DecisionView {
    "angle" => angle,
    "reasons" => reasons,
});

template_object!(Links {
    "cta" => cta,
    "shop" => shop,
    "unsubscribe" => unsubscribe,
});

template_object!(CampaignView {
    "id" => id,
    "utm" => utm,
});

template_object!(UtmView {
    "source" => source,
    "medium" => medium,
    "campaign" => campaign,
});

template_object!(ShopView {
    "currency" => currency,
    "locale" => locale,
    "assets_url" => assets_url,
});
