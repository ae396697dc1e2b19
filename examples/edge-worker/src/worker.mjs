// The Worker's entry: the package, the catalog and the campaign, and the handler over them.
// The engine is built once per isolate, at module scope; see handler.mjs for the routes.
import * as mailfit from "mailfit";
import catalog from "../data/catalog.json";
import campaign from "../data/campaign.json";
import { createHandler } from "./handler.mjs";

export default createHandler(mailfit, { catalog, campaign });
