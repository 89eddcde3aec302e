// Generated from the server's OpenAPI document by tools/api-types.ts (npm run gen:api-types).
// Do not edit: change the route's schema and run it again. test/api-types.test.ts checks it is current.
/* eslint-disable */
export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database check */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a merchant account and shop; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        /** @description With shop_slug: open a shop. Without both: a buyer account (wallet, order history) */
                        shop_name?: string;
                        shop_slug?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                is_admin: boolean;
                            };
                            merchant: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            csrf_token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                is_admin: boolean;
                            };
                            merchant: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            csrf_token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user, their shop and a CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                email: string;
                                is_admin: boolean;
                            };
                            merchant: {
                                id: string;
                                slug: string;
                                name: string;
                            } | null;
                            csrf_token: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api_keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never their secrets) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "api_key";
                                name: string;
                                /** @description live or test */
                                mode: string;
                                scopes: string[];
                                last_four: string;
                                /** @description To the minute */
                                last_used_at: string | null;
                                revoked_at: string | null;
                                created_at: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key. The secret is in this response only. */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @default [
                         *       "*"
                         *     ]
                         */
                        scopes?: ("products:read" | "products:write" | "cards:read" | "cards:write" | "cards:export" | "orders:read" | "orders:write" | "shop:read" | "shop:write" | "balance:read" | "payouts:read" | "payouts:write" | "licenses:read" | "licenses:write" | "*")[];
                        /**
                         * @default live
                         * @enum {string}
                         */
                        mode?: "live" | "test";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "api_key";
                            name: string;
                            mode: string;
                            scopes: string[];
                            secret: string;
                            last_four: string;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api_keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "api_key";
                            name: string;
                            /** @description live or test */
                            mode: string;
                            scopes: string[];
                            last_four: string;
                            /** @description To the minute */
                            last_used_at: string | null;
                            revoked_at: string | null;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products with stock */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "product";
                                /** @description A variant (SKU): the product it belongs to */
                                parent_id: string | null;
                                variant_name: string | null;
                                /** @description A product with variants: buyers pick one (checkout variant_id); each has its own price and stock */
                                variants: {
                                    /** @description The variant's own product id: import its keys, upload its file, PATCH its settings there */
                                    id: string;
                                    name: string;
                                    price: number;
                                    validity_days: number | null;
                                    /** @description Card goods: the variant's own keys */
                                    stock: {
                                        available: number;
                                        sold: number;
                                    };
                                }[];
                                slug: string;
                                title: string;
                                description: string;
                                category: string | null;
                                price: number;
                                currency: string;
                                /**
                                 * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                                 * @enum {string}
                                 */
                                delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                                /** @description A shared product: its limit and the units held by unpaid and sold orders (the text itself is never echoed) */
                                shared: {
                                    limit: number | null;
                                    held: number;
                                } | null;
                                pick: {
                                    enabled: boolean;
                                    surcharge: number;
                                };
                                /** @description A license product: machines per key (null: no limit), days valid (null: no end) and the key format */
                                license: {
                                    activation_limit: number | null;
                                    validity_days: number | null;
                                    key_format: string;
                                } | null;
                                /** @description A manual (代充) product: the fields buyers fill in, hours to fulfil, whether overdue orders are refunded by themselves */
                                manual: {
                                    fields: {
                                        key: string;
                                        label: string;
                                        /** @enum {string} */
                                        type: "text" | "number" | "select";
                                        /** @default true */
                                        required: boolean;
                                        /** @description select: the choices */
                                        options?: string[];
                                        /** @description number: the smallest allowed */
                                        min?: number;
                                        /** @description number: the largest allowed */
                                        max?: number;
                                        /** @description text: at most this many characters (200 when absent) */
                                        max_length?: number;
                                        placeholder?: string;
                                    }[];
                                    sla_hours: number;
                                    auto_refund: boolean;
                                } | null;
                                /** @description A webhook product: the endpoint XiaoPu calls for the items */
                                webhook: {
                                    url: string;
                                    /** @description whsec_…: shown once, when the product is created (and when rolled); verify calls with it */
                                    secret?: string;
                                } | null;
                                /** @description A download product: the file buyers get now (null until one is uploaded: the product cannot be bought) */
                                download: {
                                    file: {
                                        id: string;
                                        /** @enum {string} */
                                        object: "file";
                                        product_id: string;
                                        filename: string;
                                        size: number;
                                        sha256: string;
                                        created_at: string;
                                    } | null;
                                } | null;
                                validity_days: number | null;
                                min_quantity: number;
                                max_quantity: number;
                                /** @enum {string} */
                                visibility: "public" | "unlisted" | "hidden";
                                price_tiers: {
                                    min_quantity: number;
                                    unit_price: number;
                                }[];
                                instructions: string | null;
                                stock: {
                                    available: number;
                                    reserved: number;
                                    sold: number;
                                    void: number;
                                    /** @description In a list, each count stops at 10,000: true when one of them did (the product itself counts exactly) */
                                    capped: boolean;
                                };
                                created_at: string;
                                updated_at: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a product (price in minor units) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @description Markdown; rendered sanitized on the product page */
                        description?: string;
                        /** @description A shelf on the shop page, e.g. "Steam" */
                        category?: string;
                        price: number;
                        currency: string;
                        /**
                         * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                         * @enum {string}
                         */
                        delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                        /** @description Required with delivery "shared" */
                        shared?: {
                            /** @description What every buyer gets (a code, a link, an account); stored encrypted */
                            text: string;
                            /** @description At most this many units sold in all; null or absent: no limit */
                            limit?: number | null;
                        };
                        /** @description 自选卡密: buyers may pick their key by its masked preview (card products only) */
                        pick?: {
                            enabled: boolean;
                            /** @description Added to the unit price when the buyer picks (minor units); 0 when absent */
                            surcharge?: number;
                        };
                        /** @description Required with delivery "license" */
                        license?: {
                            /** @description How many machines one key may be active on at once; null: no limit */
                            activation_limit: number | null;
                            /** @description The key expires this many days after delivery (the product's validity_days); absent: never */
                            validity_days?: number;
                            /** @description "uuid" (as Lemon Squeezy issues them; the default) or a pattern such as "XP-####-####-####-####": each # becomes one random character of 23456789ABCDEFGHJKLMNPQRSTUVWXYZ, the rest is kept */
                            key_format?: string;
                        };
                        /** @description Required with delivery "manual" (代充/手工): what the buyer fills in at checkout */
                        manual?: {
                            fields: {
                                key: string;
                                label: string;
                                /** @enum {string} */
                                type: "text" | "number" | "select";
                                /** @default true */
                                required?: boolean;
                                /** @description select: the choices */
                                options?: string[];
                                /** @description number: the smallest allowed */
                                min?: number;
                                /** @description number: the largest allowed */
                                max?: number;
                                /** @description text: at most this many characters (200 when absent) */
                                max_length?: number;
                                placeholder?: string;
                            }[];
                            /**
                             * @description Hours from payment the shop has to fulfil (the order is flagged overdue after)
                             * @default 24
                             */
                            sla_hours?: number;
                            /**
                             * @description Refund an overdue order in full by itself instead of flagging it
                             * @default false
                             */
                            auto_refund?: boolean;
                        };
                        /** @description Required with delivery "webhook" */
                        webhook?: {
                            /**
                             * Format: uri
                             * @description The shop's HTTPS endpoint: POSTed (Standard Webhooks signature) when an order is paid; answers {"items": [...]}
                             */
                            url: string;
                        };
                        /** @description 有效期: valid this many days from delivery (shown to the buyer with the date) */
                        validity_days?: number;
                        min_quantity?: number;
                        max_quantity?: number;
                        /** @enum {string} */
                        visibility?: "public" | "unlisted" | "hidden";
                        slug?: string;
                        /** @description Wholesale prices: an order of at least min_quantity units pays unit_price per unit (the largest tier that applies) */
                        price_tiers?: {
                            min_quantity: number;
                            unit_price: number;
                        }[];
                        /** @description How to redeem (Markdown), shown with the delivered items and in the delivery email */
                        instructions?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "product";
                            /** @description A variant (SKU): the product it belongs to */
                            parent_id: string | null;
                            variant_name: string | null;
                            /** @description A product with variants: buyers pick one (checkout variant_id); each has its own price and stock */
                            variants: {
                                /** @description The variant's own product id: import its keys, upload its file, PATCH its settings there */
                                id: string;
                                name: string;
                                price: number;
                                validity_days: number | null;
                                /** @description Card goods: the variant's own keys */
                                stock: {
                                    available: number;
                                    sold: number;
                                };
                            }[];
                            slug: string;
                            title: string;
                            description: string;
                            category: string | null;
                            price: number;
                            currency: string;
                            /**
                             * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                             * @enum {string}
                             */
                            delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                            /** @description A shared product: its limit and the units held by unpaid and sold orders (the text itself is never echoed) */
                            shared: {
                                limit: number | null;
                                held: number;
                            } | null;
                            pick: {
                                enabled: boolean;
                                surcharge: number;
                            };
                            /** @description A license product: machines per key (null: no limit), days valid (null: no end) and the key format */
                            license: {
                                activation_limit: number | null;
                                validity_days: number | null;
                                key_format: string;
                            } | null;
                            /** @description A manual (代充) product: the fields buyers fill in, hours to fulfil, whether overdue orders are refunded by themselves */
                            manual: {
                                fields: {
                                    key: string;
                                    label: string;
                                    /** @enum {string} */
                                    type: "text" | "number" | "select";
                                    /** @default true */
                                    required: boolean;
                                    /** @description select: the choices */
                                    options?: string[];
                                    /** @description number: the smallest allowed */
                                    min?: number;
                                    /** @description number: the largest allowed */
                                    max?: number;
                                    /** @description text: at most this many characters (200 when absent) */
                                    max_length?: number;
                                    placeholder?: string;
                                }[];
                                sla_hours: number;
                                auto_refund: boolean;
                            } | null;
                            /** @description A webhook product: the endpoint XiaoPu calls for the items */
                            webhook: {
                                url: string;
                                /** @description whsec_…: shown once, when the product is created (and when rolled); verify calls with it */
                                secret?: string;
                            } | null;
                            /** @description A download product: the file buyers get now (null until one is uploaded: the product cannot be bought) */
                            download: {
                                file: {
                                    id: string;
                                    /** @enum {string} */
                                    object: "file";
                                    product_id: string;
                                    filename: string;
                                    size: number;
                                    sha256: string;
                                    created_at: string;
                                } | null;
                            } | null;
                            validity_days: number | null;
                            min_quantity: number;
                            max_quantity: number;
                            /** @enum {string} */
                            visibility: "public" | "unlisted" | "hidden";
                            price_tiers: {
                                min_quantity: number;
                                unit_price: number;
                            }[];
                            instructions: string | null;
                            stock: {
                                available: number;
                                reserved: number;
                                sold: number;
                                void: number;
                                /** @description In a list, each count stops at 10,000: true when one of them did (the product itself counts exactly) */
                                capped: boolean;
                            };
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product with its current stock */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "product";
                            /** @description A variant (SKU): the product it belongs to */
                            parent_id: string | null;
                            variant_name: string | null;
                            /** @description A product with variants: buyers pick one (checkout variant_id); each has its own price and stock */
                            variants: {
                                /** @description The variant's own product id: import its keys, upload its file, PATCH its settings there */
                                id: string;
                                name: string;
                                price: number;
                                validity_days: number | null;
                                /** @description Card goods: the variant's own keys */
                                stock: {
                                    available: number;
                                    sold: number;
                                };
                            }[];
                            slug: string;
                            title: string;
                            description: string;
                            category: string | null;
                            price: number;
                            currency: string;
                            /**
                             * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                             * @enum {string}
                             */
                            delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                            /** @description A shared product: its limit and the units held by unpaid and sold orders (the text itself is never echoed) */
                            shared: {
                                limit: number | null;
                                held: number;
                            } | null;
                            pick: {
                                enabled: boolean;
                                surcharge: number;
                            };
                            /** @description A license product: machines per key (null: no limit), days valid (null: no end) and the key format */
                            license: {
                                activation_limit: number | null;
                                validity_days: number | null;
                                key_format: string;
                            } | null;
                            /** @description A manual (代充) product: the fields buyers fill in, hours to fulfil, whether overdue orders are refunded by themselves */
                            manual: {
                                fields: {
                                    key: string;
                                    label: string;
                                    /** @enum {string} */
                                    type: "text" | "number" | "select";
                                    /** @default true */
                                    required: boolean;
                                    /** @description select: the choices */
                                    options?: string[];
                                    /** @description number: the smallest allowed */
                                    min?: number;
                                    /** @description number: the largest allowed */
                                    max?: number;
                                    /** @description text: at most this many characters (200 when absent) */
                                    max_length?: number;
                                    placeholder?: string;
                                }[];
                                sla_hours: number;
                                auto_refund: boolean;
                            } | null;
                            /** @description A webhook product: the endpoint XiaoPu calls for the items */
                            webhook: {
                                url: string;
                                /** @description whsec_…: shown once, when the product is created (and when rolled); verify calls with it */
                                secret?: string;
                            } | null;
                            /** @description A download product: the file buyers get now (null until one is uploaded: the product cannot be bought) */
                            download: {
                                file: {
                                    id: string;
                                    /** @enum {string} */
                                    object: "file";
                                    product_id: string;
                                    filename: string;
                                    size: number;
                                    sha256: string;
                                    created_at: string;
                                } | null;
                            } | null;
                            validity_days: number | null;
                            min_quantity: number;
                            max_quantity: number;
                            /** @enum {string} */
                            visibility: "public" | "unlisted" | "hidden";
                            price_tiers: {
                                min_quantity: number;
                                unit_price: number;
                            }[];
                            instructions: string | null;
                            stock: {
                                available: number;
                                reserved: number;
                                sold: number;
                                void: number;
                                /** @description In a list, each count stops at 10,000: true when one of them did (the product itself counts exactly) */
                                capped: boolean;
                            };
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a product nobody has ordered, with its keys (audited)
         * @description 409 `product_has_orders` if it has orders: hide it instead (`visibility: "hidden"`).
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a product */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description Only these fields change; any other (currency and delivery are fixed at creation) is 422 naming it */
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        /** @description Markdown; rendered sanitized on the product page */
                        description?: string;
                        category?: string | null;
                        price?: number;
                        min_quantity?: number;
                        max_quantity?: number;
                        /** @enum {string} */
                        visibility?: "public" | "unlisted" | "hidden";
                        slug?: string;
                        /** @description Wholesale prices: an order of at least min_quantity units pays unit_price per unit (the largest tier that applies) */
                        price_tiers?: {
                            min_quantity: number;
                            unit_price: number;
                        }[];
                        instructions?: string | null;
                        /** @description A shared product's text (replaced when given) and limit */
                        shared?: {
                            /** @description What every buyer gets (a code, a link, an account); stored encrypted */
                            text?: string;
                            /** @description At most this many units sold in all; null or absent: no limit */
                            limit?: number | null;
                        };
                        /** @description 自选卡密: buyers may pick their key by its masked preview (card products only) */
                        pick?: {
                            enabled: boolean;
                            /** @description Added to the unit price when the buyer picks (minor units); 0 when absent */
                            surcharge?: number;
                        };
                        /** @description A license product's settings for keys sold from now on (keys already sold keep theirs; change one with PATCH /licenses/{id}) */
                        license?: {
                            /** @description How many machines one key may be active on at once; null: no limit */
                            activation_limit?: number | null;
                            /** @description "uuid" (as Lemon Squeezy issues them; the default) or a pattern such as "XP-####-####-####-####": each # becomes one random character of 23456789ABCDEFGHJKLMNPQRSTUVWXYZ, the rest is kept */
                            key_format?: string;
                        };
                        /** @description A manual product's fields, SLA and auto-refund for orders from now on */
                        manual?: {
                            fields?: {
                                key: string;
                                label: string;
                                /** @enum {string} */
                                type: "text" | "number" | "select";
                                /** @default true */
                                required?: boolean;
                                /** @description select: the choices */
                                options?: string[];
                                /** @description number: the smallest allowed */
                                min?: number;
                                /** @description number: the largest allowed */
                                max?: number;
                                /** @description text: at most this many characters (200 when absent) */
                                max_length?: number;
                                placeholder?: string;
                            }[];
                            sla_hours?: number;
                            auto_refund?: boolean;
                        };
                        /** @description A webhook product's endpoint (the secret stays; roll it with POST /products/{id}/webhook_secret) */
                        webhook?: {
                            /**
                             * Format: uri
                             * @description The shop's HTTPS endpoint: POSTed (Standard Webhooks signature) when an order is paid; answers {"items": [...]}
                             */
                            url: string;
                        };
                        validity_days?: number | null;
                        /** @description A variant's name */
                        variant_name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "product";
                            /** @description A variant (SKU): the product it belongs to */
                            parent_id: string | null;
                            variant_name: string | null;
                            /** @description A product with variants: buyers pick one (checkout variant_id); each has its own price and stock */
                            variants: {
                                /** @description The variant's own product id: import its keys, upload its file, PATCH its settings there */
                                id: string;
                                name: string;
                                price: number;
                                validity_days: number | null;
                                /** @description Card goods: the variant's own keys */
                                stock: {
                                    available: number;
                                    sold: number;
                                };
                            }[];
                            slug: string;
                            title: string;
                            description: string;
                            category: string | null;
                            price: number;
                            currency: string;
                            /**
                             * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                             * @enum {string}
                             */
                            delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                            /** @description A shared product: its limit and the units held by unpaid and sold orders (the text itself is never echoed) */
                            shared: {
                                limit: number | null;
                                held: number;
                            } | null;
                            pick: {
                                enabled: boolean;
                                surcharge: number;
                            };
                            /** @description A license product: machines per key (null: no limit), days valid (null: no end) and the key format */
                            license: {
                                activation_limit: number | null;
                                validity_days: number | null;
                                key_format: string;
                            } | null;
                            /** @description A manual (代充) product: the fields buyers fill in, hours to fulfil, whether overdue orders are refunded by themselves */
                            manual: {
                                fields: {
                                    key: string;
                                    label: string;
                                    /** @enum {string} */
                                    type: "text" | "number" | "select";
                                    /** @default true */
                                    required: boolean;
                                    /** @description select: the choices */
                                    options?: string[];
                                    /** @description number: the smallest allowed */
                                    min?: number;
                                    /** @description number: the largest allowed */
                                    max?: number;
                                    /** @description text: at most this many characters (200 when absent) */
                                    max_length?: number;
                                    placeholder?: string;
                                }[];
                                sla_hours: number;
                                auto_refund: boolean;
                            } | null;
                            /** @description A webhook product: the endpoint XiaoPu calls for the items */
                            webhook: {
                                url: string;
                                /** @description whsec_…: shown once, when the product is created (and when rolled); verify calls with it */
                                secret?: string;
                            } | null;
                            /** @description A download product: the file buyers get now (null until one is uploaded: the product cannot be bought) */
                            download: {
                                file: {
                                    id: string;
                                    /** @enum {string} */
                                    object: "file";
                                    product_id: string;
                                    filename: string;
                                    size: number;
                                    sha256: string;
                                    created_at: string;
                                } | null;
                            } | null;
                            validity_days: number | null;
                            min_quantity: number;
                            max_quantity: number;
                            /** @enum {string} */
                            visibility: "public" | "unlisted" | "hidden";
                            price_tiers: {
                                min_quantity: number;
                                unit_price: number;
                            }[];
                            instructions: string | null;
                            stock: {
                                available: number;
                                reserved: number;
                                sold: number;
                                void: number;
                                /** @description In a list, each count stops at 10,000: true when one of them did (the product itself counts exactly) */
                                capped: boolean;
                            };
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/products/{id}/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List keys, masked */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    status?: "available" | "reserved" | "sold" | "void";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "card";
                                /** @description available, reserved, sold or void */
                                status: string;
                                /** @description The first and last characters, the rest hidden */
                                masked: string;
                                /** @description The import it came in */
                                batch_id: string;
                                sold_at: string | null;
                                created_at: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Import card keys
         * @description Send `application/json` `{"cards": ["KEY-1", …]}`, or `text/plain` with one key per line (streamed; millions of lines are fine), or `multipart/form-data` with a `file` field. Keys are trimmed; blank lines are skipped; duplicates within the upload or of keys the product already has are counted and skipped. The import is all-or-nothing. Re-sending the same file imports nothing twice.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cards: string[];
                    };
                    "text/plain": string;
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description A text file, one key per line
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            batch_id: string;
                            imported: number;
                            duplicates: number;
                            blank: number;
                            rejected: number;
                            lines: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload the file a download product sells (replaces it for later buyers)
         * @description Send the bytes as `application/octet-stream` with `?filename=`, or `multipart/form-data` with a `file` field. Streamed to the data directory; its size and SHA-256 are recorded. Larger than XIAOPU_DOWNLOAD_MAX_MB: 422 `file`. Buyers who already bought keep the file they bought.
         */
        put: {
            parameters: {
                query?: {
                    filename?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/octet-stream": string;
                    "multipart/form-data": {
                        /** Format: binary */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "file";
                            product_id: string;
                            filename: string;
                            size: number;
                            sha256: string;
                            created_at: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant (SKU) to a product: its own name, price, validity and stock
         * @description The variant is a product of its own (its id is in `variants[].id`): import its keys, upload its file or change its settings there. It starts with the product's delivery and settings. Buyers pick it on the product (checkout `variant_id`). 422 `name` when another variant has it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What tells it apart, e.g. "1 month" / "12 个月" */
                        name: string;
                        /** @description Its price (minor units); the product's when absent */
                        price?: number;
                        /** @description 有效期 of this variant (e.g. 30, 90, 365); the product's when absent */
                        validity_days?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "product";
                            /** @description A variant (SKU): the product it belongs to */
                            parent_id: string | null;
                            variant_name: string | null;
                            /** @description A product with variants: buyers pick one (checkout variant_id); each has its own price and stock */
                            variants: {
                                /** @description The variant's own product id: import its keys, upload its file, PATCH its settings there */
                                id: string;
                                name: string;
                                price: number;
                                validity_days: number | null;
                                /** @description Card goods: the variant's own keys */
                                stock: {
                                    available: number;
                                    sold: number;
                                };
                            }[];
                            slug: string;
                            title: string;
                            description: string;
                            category: string | null;
                            price: number;
                            currency: string;
                            /**
                             * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                             * @enum {string}
                             */
                            delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                            /** @description A shared product: its limit and the units held by unpaid and sold orders (the text itself is never echoed) */
                            shared: {
                                limit: number | null;
                                held: number;
                            } | null;
                            pick: {
                                enabled: boolean;
                                surcharge: number;
                            };
                            /** @description A license product: machines per key (null: no limit), days valid (null: no end) and the key format */
                            license: {
                                activation_limit: number | null;
                                validity_days: number | null;
                                key_format: string;
                            } | null;
                            /** @description A manual (代充) product: the fields buyers fill in, hours to fulfil, whether overdue orders are refunded by themselves */
                            manual: {
                                fields: {
                                    key: string;
                                    label: string;
                                    /** @enum {string} */
                                    type: "text" | "number" | "select";
                                    /** @default true */
                                    required: boolean;
                                    /** @description select: the choices */
                                    options?: string[];
                                    /** @description number: the smallest allowed */
                                    min?: number;
                                    /** @description number: the largest allowed */
                                    max?: number;
                                    /** @description text: at most this many characters (200 when absent) */
                                    max_length?: number;
                                    placeholder?: string;
                                }[];
                                sla_hours: number;
                                auto_refund: boolean;
                            } | null;
                            /** @description A webhook product: the endpoint XiaoPu calls for the items */
                            webhook: {
                                url: string;
                                /** @description whsec_…: shown once, when the product is created (and when rolled); verify calls with it */
                                secret?: string;
                            } | null;
                            /** @description A download product: the file buyers get now (null until one is uploaded: the product cannot be bought) */
                            download: {
                                file: {
                                    id: string;
                                    /** @enum {string} */
                                    object: "file";
                                    product_id: string;
                                    filename: string;
                                    size: number;
                                    sha256: string;
                                    created_at: string;
                                } | null;
                            } | null;
                            validity_days: number | null;
                            min_quantity: number;
                            max_quantity: number;
                            /** @enum {string} */
                            visibility: "public" | "unlisted" | "hidden";
                            price_tiers: {
                                min_quantity: number;
                                unit_price: number;
                            }[];
                            instructions: string | null;
                            stock: {
                                available: number;
                                reserved: number;
                                sold: number;
                                void: number;
                                /** @description In a list, each count stops at 10,000: true when one of them did (the product itself counts exactly) */
                                capped: boolean;
                            };
                            created_at: string;
                            updated_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/webhook_secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a webhook product's signing secret (the new one is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/webhook_test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call a webhook product's endpoint once with a test order (data.test: true) and report the answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            status: number | null;
                            error: string | null;
                            items: number;
                            latency_ms: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/cards/{card_id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reveal one key in the clear (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    card_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "card";
                            status: string;
                            /** @description The key in the clear */
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/cards/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void unsold keys */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        card_ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            voided: number;
                            voided_ids: string[];
                            /** @description Not voided: reserved, sold, already void, or not this product's */
                            skipped_ids: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/cards/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export unsold keys as text, one per line (audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List orders, newest first (filter by status, e.g. needs_action) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    status?: "pending_payment" | "paid" | "awaiting_fulfilment" | "delivered" | "completed" | "expired" | "cancelled" | "needs_action" | "disputed" | "refunded" | "partially_refunded";
                    /** @description An order number, or the buyer's email (exact, case-insensitive) */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "order";
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                                expires_at: string;
                                created_at: string;
                                paid_at: string | null;
                                delivered_at: string | null;
                                completed_at: string | null;
                                /** @description 代充: while awaiting_fulfilment, when the shop is due to have fulfilled it */
                                fulfil_due_at: string | null;
                                merchant_id: string;
                                email: string;
                                /** @description Why the order waits for a person (needs_action): e.g. out_of_stock, webhook_failed */
                                needs_action_reason: string | null;
                                /** @description 代充: still awaiting fulfilment past its due time */
                                overdue: boolean;
                                /** @description The platform's commission on this order (minor units); the shop's share is total − commission */
                                commission: number;
                                items: {
                                    id: string;
                                    product_id: string;
                                    title: string;
                                    quantity: number;
                                    unit_price: number;
                                    total: number;
                                    /** @description 代充: what the buyer filled in at checkout (order detail only) */
                                    fields?: {
                                        key: string;
                                        label: string;
                                        value: string;
                                    }[];
                                }[];
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order with items, payments and events */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "order";
                            number: string;
                            status: string;
                            total: number;
                            currency: string;
                            expires_at: string;
                            created_at: string;
                            paid_at: string | null;
                            delivered_at: string | null;
                            completed_at: string | null;
                            /** @description 代充: while awaiting_fulfilment, when the shop is due to have fulfilled it */
                            fulfil_due_at: string | null;
                            merchant_id: string;
                            email: string;
                            /** @description Why the order waits for a person (needs_action): e.g. out_of_stock, webhook_failed */
                            needs_action_reason: string | null;
                            /** @description 代充: still awaiting fulfilment past its due time */
                            overdue: boolean;
                            /** @description The platform's commission on this order (minor units); the shop's share is total − commission */
                            commission: number;
                            items: {
                                id: string;
                                product_id: string;
                                title: string;
                                quantity: number;
                                unit_price: number;
                                total: number;
                                /** @description 代充: what the buyer filled in at checkout (order detail only) */
                                fields?: {
                                    key: string;
                                    label: string;
                                    value: string;
                                }[];
                            }[];
                            /** @description What has been refunded (succeeded refunds, minor units; a gateway fee refunded with it included) */
                            refunded: number;
                            /** @description The shop's share as it stands, from the ledger: total − commission at the sale, less what refunds took back from the shop; through the shop's own gateway account, all the buyer paid (its fee included), less refunds */
                            shop_share: number;
                            refunds: {
                                id: string;
                                amount: number;
                                currency: string;
                                status: string;
                                reason: string | null;
                                created_at: string;
                            }[];
                            payments: {
                                id: string;
                                gateway: string;
                                status: string;
                                amount: number;
                                currency: string;
                                succeeded_at: string | null;
                            }[];
                            events: {
                                from: string | null;
                                to: string;
                                actor: string;
                                note: string | null;
                                at: string;
                            }[];
                            webhook_delivery: {
                                attempts: number;
                                last_status: number | null;
                                last_error: string | null;
                                next_at: string | null;
                                delivered_at: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/retry_fulfilment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a parked order again: deliver it after restocking, or (delivery webhook) call the shop's endpoint again after fixing it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            result: "delivered" | "queued" | "still_out_of_stock" | "not_needs_action";
                            status?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fulfil a hand-done (代充) order waiting in the queue: a note and/or the items issued
         * @description The order goes awaiting_fulfilment → delivered; the buyer sees the note and items and gets the delivery email. 409 `order_not_awaiting_fulfilment`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What the buyer should know (shown with the items; plain text) */
                        note?: string;
                        /** @description What was issued, one entry each (stored encrypted like keys) */
                        items?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "order";
                            number: string;
                            status: string;
                            total: number;
                            currency: string;
                            expires_at: string;
                            created_at: string;
                            paid_at: string | null;
                            delivered_at: string | null;
                            completed_at: string | null;
                            /** @description 代充: while awaiting_fulfilment, when the shop is due to have fulfilled it */
                            fulfil_due_at: string | null;
                            merchant_id: string;
                            email: string;
                            /** @description Why the order waits for a person (needs_action): e.g. out_of_stock, webhook_failed */
                            needs_action_reason: string | null;
                            /** @description 代充: still awaiting fulfilment past its due time */
                            overdue: boolean;
                            /** @description The platform's commission on this order (minor units); the shop's share is total − commission */
                            commission: number;
                            items: {
                                id: string;
                                product_id: string;
                                title: string;
                                quantity: number;
                                unit_price: number;
                                total: number;
                                /** @description 代充: what the buyer filled in at checkout (order detail only) */
                                fields?: {
                                    key: string;
                                    label: string;
                                    value: string;
                                }[];
                            }[];
                            /** @description What has been refunded (succeeded refunds, minor units; a gateway fee refunded with it included) */
                            refunded: number;
                            /** @description The shop's share as it stands, from the ledger: total − commission at the sale, less what refunds took back from the shop; through the shop's own gateway account, all the buyer paid (its fee included), less refunds */
                            shop_share: number;
                            refunds: {
                                id: string;
                                amount: number;
                                currency: string;
                                status: string;
                                reason: string | null;
                                created_at: string;
                            }[];
                            payments: {
                                id: string;
                                gateway: string;
                                status: string;
                                amount: number;
                                currency: string;
                                succeeded_at: string | null;
                            }[];
                            events: {
                                from: string | null;
                                to: string;
                                actor: string;
                                note: string | null;
                                at: string;
                            }[];
                            webhook_delivery: {
                                attempts: number;
                                last_status: number | null;
                                last_error: string | null;
                                next_at: string | null;
                                delivered_at: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund an order in full or in part, through its gateway
         * @description Without `amount`, refunds what is left. The order becomes `refunded` or `partially_refunded` and the ledger is reversed. Errors: 409 `order_not_paid`, `order_not_refundable`, `already_refunded`, `refund_in_progress`; 422 `refund_not_supported` (the gateway has no refund API); 502 `gateway_error` (the gateway refused; nothing changed).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Minor units; the whole refundable remainder when absent */
                        amount?: number;
                        reason?: string;
                        /**
                         * @description Where the money goes: the gateway (default where it can refund) or the buyer's wallet (default otherwise; the order must have a buyer account)
                         * @enum {string}
                         */
                        to?: "gateway" | "wallet";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "refund";
                            order_id: string;
                            payment_id: string;
                            /** @description Minor units */
                            amount: number;
                            currency: string;
                            /**
                             * @description pending: with the gateway (reconciliation finishes it); failed: the gateway refused, nothing changed
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed";
                            /** @description gateway or wallet */
                            destination: string;
                            reason: string | null;
                            failure_message: string | null;
                            created_at: string;
                            completed_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/resend_email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the delivery email again (rate-limited, audited)
         * @description Answers 202; the worker sends it. 409 `email_not_configured` without XIAOPU_SMTP_URL, 409 `order_not_delivered`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            queued: true;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/{shop_slug}/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop's public products with price and available stock */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shop_slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            shop: {
                                slug: string;
                                name: string;
                            };
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "product";
                                slug: string;
                                title: string;
                                description: string;
                                category: string | null;
                                price: number;
                                currency: string;
                                /**
                                 * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                                 * @enum {string}
                                 */
                                delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                                min_quantity: number;
                                max_quantity: number;
                                stock: {
                                    available: number;
                                    /** @description A shared product without a limit: available is a ceiling, not a count */
                                    unlimited: boolean;
                                    /** @description Card goods with at least 10,000 keys in stock: available says 10000, and there are more */
                                    capped: boolean;
                                };
                                /** @description Wholesale prices (批发价) */
                                price_tiers: {
                                    min_quantity: number;
                                    unit_price: number;
                                }[];
                                /** @description 自选卡密: whether buyers may pick their key, and what it costs more per unit */
                                pick: {
                                    enabled: boolean;
                                    surcharge: number;
                                };
                                /** @description A license product: on how many machines one key may be active (null: no limit) */
                                license: {
                                    activation_limit: number | null;
                                } | null;
                                /** @description A manual (代充) product: the fields to send as `fields` at checkout, and the hours the shop has to fulfil */
                                manual: {
                                    fields: {
                                        key: string;
                                        label: string;
                                        /** @enum {string} */
                                        type: "text" | "number" | "select";
                                        /** @default true */
                                        required: boolean;
                                        /** @description select: the choices */
                                        options?: string[];
                                        /** @description number: the smallest allowed */
                                        min?: number;
                                        /** @description number: the largest allowed */
                                        max?: number;
                                        /** @description text: at most this many characters (200 when absent) */
                                        max_length?: number;
                                        placeholder?: string;
                                    }[];
                                    sla_hours: number;
                                } | null;
                                /** @description A download product: the file's name and size (bytes) */
                                download: {
                                    filename: string;
                                    size: number;
                                } | null;
                                /** @description 有效期: valid this many days from delivery; null: no end */
                                validity_days: number | null;
                                /** @description Buyers' reviews: average stars (1–5) and how many */
                                rating: {
                                    average: number | null;
                                    count: number;
                                };
                                /** @description Variants (SKUs) to pick from, each with its own price, stock, limits, tiers and settings; send the chosen one's id as variant_id at checkout. Empty: the product is bought as it is */
                                variants: {
                                    id: string;
                                    /** @enum {string} */
                                    object: "product";
                                    slug: string;
                                    title: string;
                                    description: string;
                                    category: string | null;
                                    price: number;
                                    currency: string;
                                    /**
                                     * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                                     * @enum {string}
                                     */
                                    delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                                    min_quantity: number;
                                    max_quantity: number;
                                    stock: {
                                        available: number;
                                        /** @description A shared product without a limit: available is a ceiling, not a count */
                                        unlimited: boolean;
                                        /** @description Card goods with at least 10,000 keys in stock: available says 10000, and there are more */
                                        capped: boolean;
                                    };
                                    /** @description Wholesale prices (批发价) */
                                    price_tiers: {
                                        min_quantity: number;
                                        unit_price: number;
                                    }[];
                                    /** @description 自选卡密: whether buyers may pick their key, and what it costs more per unit */
                                    pick: {
                                        enabled: boolean;
                                        surcharge: number;
                                    };
                                    /** @description A license product: on how many machines one key may be active (null: no limit) */
                                    license: {
                                        activation_limit: number | null;
                                    } | null;
                                    /** @description A manual (代充) product: the fields to send as `fields` at checkout, and the hours the shop has to fulfil */
                                    manual: {
                                        fields: {
                                            key: string;
                                            label: string;
                                            /** @enum {string} */
                                            type: "text" | "number" | "select";
                                            /** @default true */
                                            required: boolean;
                                            /** @description select: the choices */
                                            options?: string[];
                                            /** @description number: the smallest allowed */
                                            min?: number;
                                            /** @description number: the largest allowed */
                                            max?: number;
                                            /** @description text: at most this many characters (200 when absent) */
                                            max_length?: number;
                                            placeholder?: string;
                                        }[];
                                        sla_hours: number;
                                    } | null;
                                    /** @description A download product: the file's name and size (bytes) */
                                    download: {
                                        filename: string;
                                        size: number;
                                    } | null;
                                    /** @description 有效期: valid this many days from delivery; null: no end */
                                    validity_days: number | null;
                                    /** @description Buyers' reviews: average stars (1–5) and how many */
                                    rating: {
                                        average: number | null;
                                        count: number;
                                    };
                                    /** @description What tells the variant apart */
                                    name: string;
                                }[];
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/{shop_slug}/products/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product of a shop, with price and available stock (public or unlisted) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shop_slug: string;
                    product_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            shop: {
                                slug: string;
                                name: string;
                            };
                            product: {
                                id: string;
                                /** @enum {string} */
                                object: "product";
                                slug: string;
                                title: string;
                                description: string;
                                category: string | null;
                                price: number;
                                currency: string;
                                /**
                                 * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                                 * @enum {string}
                                 */
                                delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                                min_quantity: number;
                                max_quantity: number;
                                stock: {
                                    available: number;
                                    /** @description A shared product without a limit: available is a ceiling, not a count */
                                    unlimited: boolean;
                                    /** @description Card goods with at least 10,000 keys in stock: available says 10000, and there are more */
                                    capped: boolean;
                                };
                                /** @description Wholesale prices (批发价) */
                                price_tiers: {
                                    min_quantity: number;
                                    unit_price: number;
                                }[];
                                /** @description 自选卡密: whether buyers may pick their key, and what it costs more per unit */
                                pick: {
                                    enabled: boolean;
                                    surcharge: number;
                                };
                                /** @description A license product: on how many machines one key may be active (null: no limit) */
                                license: {
                                    activation_limit: number | null;
                                } | null;
                                /** @description A manual (代充) product: the fields to send as `fields` at checkout, and the hours the shop has to fulfil */
                                manual: {
                                    fields: {
                                        key: string;
                                        label: string;
                                        /** @enum {string} */
                                        type: "text" | "number" | "select";
                                        /** @default true */
                                        required: boolean;
                                        /** @description select: the choices */
                                        options?: string[];
                                        /** @description number: the smallest allowed */
                                        min?: number;
                                        /** @description number: the largest allowed */
                                        max?: number;
                                        /** @description text: at most this many characters (200 when absent) */
                                        max_length?: number;
                                        placeholder?: string;
                                    }[];
                                    sla_hours: number;
                                } | null;
                                /** @description A download product: the file's name and size (bytes) */
                                download: {
                                    filename: string;
                                    size: number;
                                } | null;
                                /** @description 有效期: valid this many days from delivery; null: no end */
                                validity_days: number | null;
                                /** @description Buyers' reviews: average stars (1–5) and how many */
                                rating: {
                                    average: number | null;
                                    count: number;
                                };
                                /** @description Variants (SKUs) to pick from, each with its own price, stock, limits, tiers and settings; send the chosen one's id as variant_id at checkout. Empty: the product is bought as it is */
                                variants: {
                                    id: string;
                                    /** @enum {string} */
                                    object: "product";
                                    slug: string;
                                    title: string;
                                    description: string;
                                    category: string | null;
                                    price: number;
                                    currency: string;
                                    /**
                                     * @description card: one key per unit from the product's stock; shared: the same text for every buyer; license: XiaoPu issues one license key per unit (license API); manual: 代充/手工, the buyer fills the shop's fields and the shop fulfils by hand; download: a file (upload it with PUT /products/{id}/file), delivered as an expiring signed link; webhook: the shop's endpoint issues the items when the order is paid
                                     * @enum {string}
                                     */
                                    delivery: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                                    min_quantity: number;
                                    max_quantity: number;
                                    stock: {
                                        available: number;
                                        /** @description A shared product without a limit: available is a ceiling, not a count */
                                        unlimited: boolean;
                                        /** @description Card goods with at least 10,000 keys in stock: available says 10000, and there are more */
                                        capped: boolean;
                                    };
                                    /** @description Wholesale prices (批发价) */
                                    price_tiers: {
                                        min_quantity: number;
                                        unit_price: number;
                                    }[];
                                    /** @description 自选卡密: whether buyers may pick their key, and what it costs more per unit */
                                    pick: {
                                        enabled: boolean;
                                        surcharge: number;
                                    };
                                    /** @description A license product: on how many machines one key may be active (null: no limit) */
                                    license: {
                                        activation_limit: number | null;
                                    } | null;
                                    /** @description A manual (代充) product: the fields to send as `fields` at checkout, and the hours the shop has to fulfil */
                                    manual: {
                                        fields: {
                                            key: string;
                                            label: string;
                                            /** @enum {string} */
                                            type: "text" | "number" | "select";
                                            /** @default true */
                                            required: boolean;
                                            /** @description select: the choices */
                                            options?: string[];
                                            /** @description number: the smallest allowed */
                                            min?: number;
                                            /** @description number: the largest allowed */
                                            max?: number;
                                            /** @description text: at most this many characters (200 when absent) */
                                            max_length?: number;
                                            placeholder?: string;
                                        }[];
                                        sla_hours: number;
                                    } | null;
                                    /** @description A download product: the file's name and size (bytes) */
                                    download: {
                                        filename: string;
                                        size: number;
                                    } | null;
                                    /** @description 有效期: valid this many days from delivery; null: no end */
                                    validity_days: number | null;
                                    /** @description Buyers' reviews: average stars (1–5) and how many */
                                    rating: {
                                        average: number | null;
                                        count: number;
                                    };
                                    /** @description What tells the variant apart */
                                    name: string;
                                }[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/{shop_slug}/products/{product_id}/picks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 自选卡密: the keys a buyer may pick from, by masked preview (products that allow picking)
         * @description Pass the chosen `id` as `card_id` at checkout (quantity 1). 404 when the product does not allow picking.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                };
                header?: never;
                path: {
                    shop_slug: string;
                    product_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "pickable_card";
                                preview: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/{shop_slug}/gateways": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ways to pay this shop offers (for the checkout's gateway choice) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shop_slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                gateway: string;
                                title: string;
                                methods: string[];
                                currencies: string[] | null;
                                fee_bps: number;
                                fee_fixed: number;
                                min_amount: number | null;
                                max_amount: number | null;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/{shop_slug}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Guest checkout: reserve the keys and open a payment
         * @description Errors: 409 `out_of_stock`, 422 `validation_error`, 429 `too_many_pending`. Keep `access_token`: it reads the order and its keys. With `gateway: "wallet"` the buyer must be logged in (session cookie + X-CSRF-Token); the balance is debited and the order delivered in the same transaction (409 `insufficient_balance` if it is too low).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shop_slug: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        product_id: string;
                        quantity: number;
                        email: string;
                        query_password: string;
                        gateway: string;
                        method?: string;
                        /** @description 自选卡密: the key picked from GET /storefront/{shop}/products/{id}/picks (quantity 1; the product must allow picking). 409 `card_taken` if someone else got it first */
                        card_id?: string;
                        /** @description A product with variants (SKUs): the one picked, from the product's `variants`. 422 `variant_id` when missing or not the product's */
                        variant_id?: string;
                        /** @description 代充/手工: the answers to the product's `manual.fields`, by key (stored encrypted). 422 `fields.<key>` when one is missing or invalid */
                        fields?: {
                            [key: string]: string | number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: {
                                id: string;
                                /** @enum {string} */
                                object: "order";
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                                expires_at: string;
                                created_at: string;
                                paid_at: string | null;
                                delivered_at: string | null;
                            };
                            access_token: string;
                            payment: {
                                id: string;
                                gateway: string;
                                method: string | null;
                                status: string;
                                /** @description What the buyer pays: the order total plus the gateway fee, in minor units */
                                amount: number;
                                fee: number;
                                currency: string;
                                /** @description Our payment page for this attempt (redirect, QR code or form) */
                                pay_url: string;
                                /** @description Where the buyer goes to pay; null for the sandbox (use pay_url) */
                                action: ({
                                    /** @enum {string} */
                                    kind: "redirect";
                                    url: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "qr";
                                    /** @description Render as a QR code; the pay page shows it as an image */
                                    content: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "form";
                                    action: string;
                                    /** @enum {string} */
                                    method: "GET" | "POST";
                                    fields: {
                                        [key: string]: string;
                                    };
                                }) | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The buyer reads an order and, once delivered, its keys */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: {
                                id: string;
                                /** @enum {string} */
                                object: "order";
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                                expires_at: string;
                                created_at: string;
                                paid_at: string | null;
                                delivered_at: string | null;
                                completed_at: string | null;
                                /** @description 代充: while awaiting_fulfilment, when the shop is due to have fulfilled it */
                                fulfil_due_at: string | null;
                                shop: {
                                    slug: string;
                                    name: string;
                                };
                                items: {
                                    id: string;
                                    product_id: string;
                                    title: string;
                                    quantity: number;
                                    unit_price: number;
                                    total: number;
                                    /** @description 代充: what the buyer filled in at checkout */
                                    fields?: {
                                        key: string;
                                        label: string;
                                        value: string;
                                    }[];
                                }[];
                                payment: {
                                    id: string;
                                    gateway: string | null;
                                    pay_url: string;
                                } | null;
                            };
                            deliveries: {
                                /**
                                 * @description card: the keys sold to this item; shared: the product's one text, the same for every buyer; license: the license keys issued for it; manual: what the shop sent by hand; download: a file, behind an expiring signed link; webhook: the items the shop's endpoint issued
                                 * @enum {string}
                                 */
                                kind: "card" | "shared" | "license" | "manual" | "download" | "webhook";
                                product_id: string;
                                /** @description Every key delivered for the item, replacements included */
                                items: string[];
                                /** @description The keys among `items` sent later as replacements in a dispute (售后补发) */
                                replacements: string[];
                                /** @description How to redeem (Markdown): the product's, else the shop's note */
                                instructions: string | null;
                                /** @description 有效期: valid until then (the product's validity from delivery); null: no end */
                                expires_at: string | null;
                                /** @description manual: the shop's note with what it sent */
                                note?: string | null;
                                download?: {
                                    filename: string;
                                    size: number;
                                    /** @description Hex; compare it with the downloaded file */
                                    sha256: string;
                                    downloads: number;
                                    /** @description A signed link, new on every read of the order, working until expires_at */
                                    url: string;
                                    expires_at: string;
                                };
                                /** @description A license item: each key with its status, seats used and machines (deactivate one with POST /licenses/deactivate) */
                                licenses?: {
                                    id: string;
                                    key: string;
                                    /** @enum {string} */
                                    status: "inactive" | "active" | "expired" | "disabled";
                                    activation_limit: number | null;
                                    activation_usage: number;
                                    expires_at: string | null;
                                    created_at: string;
                                    /** @description The machines it is active on now */
                                    instances: {
                                        id: string;
                                        name: string;
                                        created_at: string;
                                    }[];
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The buyer confirms receipt (确认收货): the order completes before its escrow window ends
         * @description Answers the order, `completed`; repeating it answers the same. 409 `order_disputed` while a dispute is open, 409 `order_not_delivered` before delivery or after a refund in full.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "order";
                            number: string;
                            status: string;
                            completed_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find orders by number + query password, or email + query password
         * @description A wrong password and an unknown order both answer `{"orders": []}`. Rate-limited (429 `rate_limited`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The order number; or give `email` instead */
                        number?: string;
                        /** @description The email the order was bought with (finds up to 50 orders with this query password) */
                        email?: string;
                        query_password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orders: {
                                number: string;
                                status: string;
                                created_at: string;
                                access_token: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/downloads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a bought file through its signed link (from the order page or the delivery email)
         * @description The link carries `expires` and `signature`; a wrong one is 404, an expired one 410 `link_expired` (the order page gives a new one), a refunded order's file 410 `download_unavailable`. Sent as an attachment with its SHA-256 as ETag; one `Range: bytes=…` resumes a large download (206; 416 past the end; If-Range honoured). 503 `file_unavailable` if the platform lost the file.
         */
        get: {
            parameters: {
                query: {
                    expires: number;
                    signature: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/sandbox/notify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The sandbox gateway's notify (JSON, form or query string)
         * @description The notify URL to configure at the gateway. Answers in the form the gateway expects (epay: `success`). The sandbox (`/api/v1/payments/sandbox/notify`, JSON, form or query string): fields `payment_id, trade_no, amount, currency, status, timestamp, signature`; signature = hex HMAC-SHA256(sandbox secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}"); answers 200 `success` for a verified notify (also a repeat), 400 `fail` otherwise.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * The sandbox gateway's notify (JSON, form or query string)
         * @description The notify URL to configure at the gateway. Answers in the form the gateway expects (epay: `success`). The sandbox (`/api/v1/payments/sandbox/notify`, JSON, form or query string): fields `payment_id, trade_no, amount, currency, status, timestamp, signature`; signature = hex HMAC-SHA256(sandbox secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}"); answers 200 `success` for a verified notify (also a repeat), 400 `fail` otherwise.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{gateway}/notify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A gateway's notify (sandbox, epay, …): verified completely, then settled once
         * @description The notify URL to configure at the gateway. Answers in the form the gateway expects (epay: `success`). The sandbox (`/api/v1/payments/sandbox/notify`, JSON, form or query string): fields `payment_id, trade_no, amount, currency, status, timestamp, signature`; signature = hex HMAC-SHA256(sandbox secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}"); answers 200 `success` for a verified notify (also a repeat), 400 `fail` otherwise.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * A gateway's notify (sandbox, epay, …): verified completely, then settled once
         * @description The notify URL to configure at the gateway. Answers in the form the gateway expects (epay: `success`). The sandbox (`/api/v1/payments/sandbox/notify`, JSON, form or query string): fields `payment_id, trade_no, amount, currency, status, timestamp, signature`; signature = hex HMAC-SHA256(sandbox secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}"); answers 200 `success` for a verified notify (also a repeat), 400 `fail` otherwise.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{gateway}/notify/{config_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A notify for a shop's own gateway account (the URL its configuration shows)
         * @description The notify URL to configure at the gateway. Answers in the form the gateway expects (epay: `success`). The sandbox (`/api/v1/payments/sandbox/notify`, JSON, form or query string): fields `payment_id, trade_no, amount, currency, status, timestamp, signature`; signature = hex HMAC-SHA256(sandbox secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}"); answers 200 `success` for a verified notify (also a repeat), 400 `fail` otherwise.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                    config_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /**
         * A notify for a shop's own gateway account (the URL its configuration shows)
         * @description The notify URL to configure at the gateway. Answers in the form the gateway expects (epay: `success`). The sandbox (`/api/v1/payments/sandbox/notify`, JSON, form or query string): fields `payment_id, trade_no, amount, currency, status, timestamp, signature`; signature = hex HMAC-SHA256(sandbox secret, "{payment_id}.{trade_no}.{amount}.{currency}.{status}.{timestamp}"); answers 200 `success` for a verified notify (also a repeat), 400 `fail` otherwise.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                    config_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your shop: name, slug, status and the gateways it offers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "shop";
                            slug: string;
                            name: string;
                            status: string;
                            gateways: string[] | null;
                            delivery_note: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename your shop or narrow the gateways it offers (audited)
         * @description `gateways: null` offers every gateway the platform has enabled; a list offers only those of them.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description Only these fields change; any other (the slug is fixed at sign-up) is 422 naming it */
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description The gateways this shop offers, e.g. ["epay","stripe"]; null offers every gateway the platform has enabled */
                        gateways?: string[] | null;
                        /** @description Default redeem instructions (Markdown) shown with delivered items of products that have none of their own; null or "" removes it */
                        delivery_note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "shop";
                            slug: string;
                            name: string;
                            status: string;
                            gateways: string[] | null;
                            delivery_note: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales and orders today and per day over 30 days, orders needing action, products low on stock */
        get: {
            parameters: {
                query?: {
                    tz?: string;
                    low_stock?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "dashboard";
                            time_zone: string;
                            /** @description Per currency */
                            today: {
                                currency: string;
                                orders: number;
                                /** @description Minor units, net of refunds: what the orders paid that day came to, less what has been refunded of them since */
                                sales: number;
                            }[];
                            /** @description Per currency */
                            last_30_days: {
                                currency: string;
                                orders: number;
                                /** @description Minor units, net of refunds: what the orders paid that day came to, less what has been refunded of them since */
                                sales: number;
                            }[];
                            /** @description Each of the 30 days, per currency */
                            daily: {
                                currency: string;
                                orders: number;
                                /** @description Minor units, net of refunds: what the orders paid that day came to, less what has been refunded of them since */
                                sales: number;
                                /** @description YYYY-MM-DD in time_zone */
                                day: string;
                            }[];
                            orders_by_status_30_days: {
                                [key: string]: number;
                            };
                            /** @description Orders waiting for a person now */
                            needs_action: number;
                            /** @description Products at or below low_stock keys */
                            low_stock: {
                                id: string;
                                title: string;
                                available: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shop/gateways": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateways the platform lets your shop configure with its own account, and your configuration of each */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                gateway: string;
                                /** @enum {string} */
                                object: "gateway";
                                title: string;
                                /**
                                 * @description platform: the platform's account (money held in escrow); shop: the shop's own account
                                 * @enum {string}
                                 */
                                owner: "platform" | "shop";
                                enabled: boolean;
                                /** @description Shops may connect their own account of this gateway */
                                merchant_configurable: boolean;
                                configured: boolean;
                                /** @description The settings that are not secret */
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @description Which secret settings are stored (their values are never echoed) */
                                secrets_set: string[];
                                secret_fields: string[];
                                methods: string[];
                                available_methods: string[];
                                /** @description null: any currency */
                                currencies: string[] | null;
                                min_amount: number | null;
                                max_amount: number | null;
                                /** @description The buyer's fee in basis points, added to the amount paid */
                                fee_bps: number;
                                fee_fixed: number;
                                active_query: boolean;
                                supports: {
                                    query: boolean;
                                    refund: boolean;
                                    test_connection: boolean;
                                };
                                /** @description Give this to the gateway as its notify (callback) URL */
                                notify_url: string;
                                updated_at: string | null;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shop/gateways/{gateway}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Configure your shop's own account with a gateway (where the platform allows it)
         * @description Same body as the admin's gateway configuration. Payments through it go straight to your account; its notify URL is shown in the answer (`/api/v1/payments/{gateway}/notify/{config_id}`). 403 `gateway_not_configurable` if the platform does not allow it.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        /** @default {} */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /** @description The sub-methods offered (epay `type`); null or absent offers all the gateway has */
                        methods?: string[] | null;
                        /** @description Smallest payment in minor units */
                        min_amount?: number | null;
                        /** @description Largest payment in minor units */
                        max_amount?: number | null;
                        /** @description Fee the buyer pays on top, in basis points of the total */
                        fee_bps?: number;
                        /** @description Fixed fee the buyer pays on top, in minor units */
                        fee_fixed?: number;
                        /** @description Ask the gateway whether a notified trade is really paid before crediting it (default true) */
                        active_query?: boolean;
                        /** @description Platform only: shops may configure their own account with this gateway */
                        merchant_configurable?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            gateway: string;
                            /** @enum {string} */
                            object: "gateway";
                            title: string;
                            /**
                             * @description platform: the platform's account (money held in escrow); shop: the shop's own account
                             * @enum {string}
                             */
                            owner: "platform" | "shop";
                            enabled: boolean;
                            /** @description Shops may connect their own account of this gateway */
                            merchant_configurable: boolean;
                            configured: boolean;
                            /** @description The settings that are not secret */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description Which secret settings are stored (their values are never echoed) */
                            secrets_set: string[];
                            secret_fields: string[];
                            methods: string[];
                            available_methods: string[];
                            /** @description null: any currency */
                            currencies: string[] | null;
                            min_amount: number | null;
                            max_amount: number | null;
                            /** @description The buyer's fee in basis points, added to the amount paid */
                            fee_bps: number;
                            fee_fixed: number;
                            active_query: boolean;
                            supports: {
                                query: boolean;
                                refund: boolean;
                                test_connection: boolean;
                            };
                            /** @description Give this to the gateway as its notify (callback) URL */
                            notify_url: string;
                            updated_at: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/shop/gateways/{gateway}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test your shop's own gateway settings with a harmless call */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your wallet balances (buyer accounts; session) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "wallet";
                            balances: {
                                currency: string;
                                balance: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your wallet movements: top-ups, payments, refunds (newest first) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "wallet_transaction";
                                currency: string;
                                /** @description Signed: in is positive */
                                amount: number;
                                balance_after: number;
                                /** @description topup, payment or refund */
                                kind: string;
                                /** @description The top-up, payment or refund */
                                ref_id: string;
                                created_at: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallet/topups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Top up your wallet through a gateway (充值)
         * @description Answers the top-up and its payment (`pay_url`, `action`) like a checkout. The balance is credited when the gateway notifies; a gateway fee, if configured, is paid on top. Then pay orders with `gateway: "wallet"`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Minor units the wallet receives */
                        amount: number;
                        currency: string;
                        gateway: string;
                        method?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            topup: {
                                id: string;
                                /** @enum {string} */
                                object: "wallet_topup";
                                amount: number;
                                currency: string;
                                status: string;
                                created_at: string;
                            };
                            payment: {
                                id: string;
                                gateway: string;
                                method: string | null;
                                status: string;
                                /** @description What the buyer pays: the order total plus the gateway fee, in minor units */
                                amount: number;
                                fee: number;
                                currency: string;
                                /** @description Our payment page for this attempt (redirect, QR code or form) */
                                pay_url: string;
                                /** @description Where the buyer goes to pay; null for the sandbox (use pay_url) */
                                action: ({
                                    /** @enum {string} */
                                    kind: "redirect";
                                    url: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "qr";
                                    /** @description Render as a QR code; the pay page shows it as an image */
                                    content: string;
                                } | {
                                    /** @enum {string} */
                                    kind: "form";
                                    action: string;
                                    /** @enum {string} */
                                    method: "GET" | "POST";
                                    fields: {
                                        [key: string]: string;
                                    };
                                }) | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shop's balance per currency, from the ledger
         * @description `pending`: sold and held in escrow until the order completes; `available`: completed, less refunds after completion and payouts asked for (may be negative: a refund after completion that the balance did not cover); `in_payout`: asked for, not yet paid.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "balance";
                            available: {
                                amount: number;
                                currency: string;
                            }[];
                            pending: {
                                amount: number;
                                currency: string;
                            }[];
                            in_payout: {
                                amount: number;
                                currency: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/balance_transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The statement: every movement of the shop's money, newest first
         * @description Each line says what it did to `pending`, `available` and `in_payout`; over all lines they add up to the balance. `type`: `sale`, `refund`, `completion`, `payout`, `payout_returned`, `payout_paid`, `adjustment` (with the admin's reason in `description`).
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "balance_transaction";
                                type: string;
                                order_id: string | null;
                                order_number: string | null;
                                payout_id: string | null;
                                refund_id: string | null;
                                currency: string;
                                pending: number;
                                available: number;
                                in_payout: number;
                                commission: number;
                                fee: number;
                                description: string | null;
                                created_at: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/balance_transactions.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole statement as CSV (amounts as decimals) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payout_destinations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where payouts can go (masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "payout_destination";
                                kind: string;
                                label: string;
                                masked: string;
                                created_at: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Save a payout destination: an Alipay account, a bank account or a USDT address (stored encrypted, shown masked; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "alipay";
                        /** @description The Alipay login: a phone number or an email address */
                        account: string;
                        /** @description The real name on the account */
                        account_name: string;
                        label?: string;
                    } | {
                        /** @enum {string} */
                        kind: "bank";
                        /** @description The account number (digits) */
                        account: string;
                        account_name: string;
                        /** @description e.g. 招商银行 深圳分行 */
                        bank_name: string;
                        label?: string;
                    } | {
                        /** @enum {string} */
                        kind: "usdt";
                        /** @enum {string} */
                        network: "TRC20" | "ERC20";
                        /** @description The wallet address */
                        account: string;
                        label?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "payout_destination";
                            kind: string;
                            label: string;
                            masked: string;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payout_destinations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a payout destination (payouts already made to it keep its masked form) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "payout_destination";
                            /** @enum {boolean} */
                            deleted: true;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop's payouts, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    status?: "pending" | "approved" | "paid" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "payout";
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid" | "rejected";
                                amount: number;
                                currency: string;
                                fee: number;
                                net: number;
                                merchant_id: string;
                                /** @description Admin answers only */
                                shop?: {
                                    slug: string;
                                    name: string;
                                    /** @description active, pending or suspended: think twice before paying a suspended shop */
                                    status: string;
                                };
                                destination: {
                                    id: string;
                                    masked: string | null;
                                } | null;
                                destination_details?: {
                                    [key: string]: unknown;
                                };
                                reference: string | null;
                                reason: string | null;
                                requested_by: string;
                                created_at: string;
                                approved_at: string | null;
                                paid_at: string | null;
                                rejected_at: string | null;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Ask for a payout (提现) of the available balance
         * @description The amount leaves `available` at once; the platform's payout fee (if any) is taken from it. Errors: 409 `insufficient_funds` (more than available; concurrent requests never add up to more), 422 `validation_error` (below the minimum, no destination), 404 (unknown destination).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Minor units, out of the available balance */
                        amount: number;
                        currency: string;
                        /** @description A payout destination id (pdst_…); the newest one when absent */
                        destination?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "payout";
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid" | "rejected";
                            amount: number;
                            currency: string;
                            fee: number;
                            net: number;
                            merchant_id: string;
                            /** @description Admin answers only */
                            shop?: {
                                slug: string;
                                name: string;
                                /** @description active, pending or suspended: think twice before paying a suspended shop */
                                status: string;
                            };
                            destination: {
                                id: string;
                                masked: string | null;
                            } | null;
                            destination_details?: {
                                [key: string]: unknown;
                            };
                            reference: string | null;
                            reason: string | null;
                            requested_by: string;
                            created_at: string;
                            approved_at: string | null;
                            paid_at: string | null;
                            rejected_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payouts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payout */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "payout";
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid" | "rejected";
                            amount: number;
                            currency: string;
                            fee: number;
                            net: number;
                            merchant_id: string;
                            /** @description Admin answers only */
                            shop?: {
                                slug: string;
                                name: string;
                                /** @description active, pending or suspended: think twice before paying a suspended shop */
                                status: string;
                            };
                            destination: {
                                id: string;
                                masked: string | null;
                            } | null;
                            destination_details?: {
                                [key: string]: unknown;
                            };
                            reference: string | null;
                            reason: string | null;
                            requested_by: string;
                            created_at: string;
                            approved_at: string | null;
                            paid_at: string | null;
                            rejected_at: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payouts of every shop (e.g. status=pending) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    status?: "pending" | "approved" | "paid" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "payout";
                                /** @enum {string} */
                                status: "pending" | "approved" | "paid" | "rejected";
                                amount: number;
                                currency: string;
                                fee: number;
                                net: number;
                                merchant_id: string;
                                /** @description Admin answers only */
                                shop?: {
                                    slug: string;
                                    name: string;
                                    /** @description active, pending or suspended: think twice before paying a suspended shop */
                                    status: string;
                                };
                                destination: {
                                    id: string;
                                    masked: string | null;
                                } | null;
                                destination_details?: {
                                    [key: string]: unknown;
                                };
                                reference: string | null;
                                reason: string | null;
                                requested_by: string;
                                created_at: string;
                                approved_at: string | null;
                                paid_at: string | null;
                                rejected_at: string | null;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payouts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payout; while it is open, with the destination's full details for paying it (the reveal is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "payout";
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid" | "rejected";
                            amount: number;
                            currency: string;
                            fee: number;
                            net: number;
                            merchant_id: string;
                            /** @description Admin answers only */
                            shop?: {
                                slug: string;
                                name: string;
                                /** @description active, pending or suspended: think twice before paying a suspended shop */
                                status: string;
                            };
                            destination: {
                                id: string;
                                masked: string | null;
                            } | null;
                            destination_details?: {
                                [key: string]: unknown;
                            };
                            reference: string | null;
                            reason: string | null;
                            requested_by: string;
                            created_at: string;
                            approved_at: string | null;
                            paid_at: string | null;
                            rejected_at: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payouts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a pending payout (audited)
         * @description Idempotent: repeating a decision answers the payout as it is; contradicting one is 409 `payout_paid` or `payout_rejected`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "payout";
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid" | "rejected";
                            amount: number;
                            currency: string;
                            fee: number;
                            net: number;
                            merchant_id: string;
                            /** @description Admin answers only */
                            shop?: {
                                slug: string;
                                name: string;
                                /** @description active, pending or suspended: think twice before paying a suspended shop */
                                status: string;
                            };
                            destination: {
                                id: string;
                                masked: string | null;
                            } | null;
                            destination_details?: {
                                [key: string]: unknown;
                            };
                            reference: string | null;
                            reason: string | null;
                            requested_by: string;
                            created_at: string;
                            approved_at: string | null;
                            paid_at: string | null;
                            rejected_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payouts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a payout: its whole amount returns to the shop's available balance (audited)
         * @description Idempotent: repeating a decision answers the payout as it is; contradicting one is 409 `payout_paid` or `payout_rejected`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "payout";
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid" | "rejected";
                            amount: number;
                            currency: string;
                            fee: number;
                            net: number;
                            merchant_id: string;
                            /** @description Admin answers only */
                            shop?: {
                                slug: string;
                                name: string;
                                /** @description active, pending or suspended: think twice before paying a suspended shop */
                                status: string;
                            };
                            destination: {
                                id: string;
                                masked: string | null;
                            } | null;
                            destination_details?: {
                                [key: string]: unknown;
                            };
                            reference: string | null;
                            reason: string | null;
                            requested_by: string;
                            created_at: string;
                            approved_at: string | null;
                            paid_at: string | null;
                            rejected_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payouts/{id}/mark_paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the money was sent, with the transfer's reference (audited)
         * @description Idempotent: repeating a decision answers the payout as it is; contradicting one is 409 `payout_paid` or `payout_rejected`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reference: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "payout";
                            /** @enum {string} */
                            status: "pending" | "approved" | "paid" | "rejected";
                            amount: number;
                            currency: string;
                            fee: number;
                            net: number;
                            merchant_id: string;
                            /** @description Admin answers only */
                            shop?: {
                                slug: string;
                                name: string;
                                /** @description active, pending or suspended: think twice before paying a suspended shop */
                                status: string;
                            };
                            destination: {
                                id: string;
                                masked: string | null;
                            } | null;
                            destination_details?: {
                                [key: string]: unknown;
                            };
                            reference: string | null;
                            reason: string | null;
                            requested_by: string;
                            created_at: string;
                            approved_at: string | null;
                            paid_at: string | null;
                            rejected_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per gateway and currency: what the gateway confirmed vs what the ledger holds, and every payment where they disagree
         * @description `expected` = confirmed payments − refunds through the gateway; `ledger` = the gateway clearing account; `difference` should be 0. `issues`: `confirmed_not_booked`, `booked_not_confirmed`, `amount_mismatch` (first 100).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "reconciliation";
                            generated_at: string;
                            gateways: {
                                gateway: string;
                                currency: string;
                                payments: number;
                                confirmed: number;
                                refunded: number;
                                /** @description confirmed − refunded */
                                expected: number;
                                /** @description The gateway's clearing account */
                                ledger: number;
                                /** @description ledger − expected: 0 when they agree */
                                difference: number;
                            }[];
                            /** @description The first 100 */
                            issues: {
                                /** @description The payment, or (booked_not_confirmed) the id the ledger booked for one that may not exist */
                                payment_id: string;
                                gateway: string | null;
                                currency: string | null;
                                /** @description confirmed_not_booked, booked_not_confirmed or amount_mismatch */
                                problem: string;
                                amount: number | null;
                                booked: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/merchants/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Adjust a shop's available balance (调账): credit or debit with a reason the shop sees (audited)
         * @description A positive amount credits the shop, a negative one debits it (the balance may go negative: a visible debt). Send an `Idempotency-Key` header to make a retry safe.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Minor units: positive credits the shop, negative debits it */
                        amount: number;
                        currency: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "adjustment";
                            merchant_id: string;
                            amount: number;
                            currency: string;
                            reason: string;
                            created_at: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The buyer opens a dispute (售后) on a delivered order, within its escrow window
         * @description The order becomes `disputed`: its money is held and it does not complete until the dispute is resolved. 409 `dispute_exists` (one per order), 409 `order_not_disputable` (not delivered, or completed: the window passed).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description key_invalid (the key does not work or was used), not_as_described, not_received, other
                         * @enum {string}
                         */
                        reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}/dispute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The buyer reads their dispute and its timeline */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}/dispute/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The buyer writes in their dispute; multipart with a `file` (PNG, JPEG or WebP, ≤ 5 MB) attaches a screenshot */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}/dispute/messages/{message_id}/attachment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A screenshot from the buyer's dispute */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                    message_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}/dispute/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The buyer asks the platform to rule (平台介入) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}/dispute/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The buyer closes their dispute (satisfied): the order completes */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop's disputes, newest first (filter by status) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    status?: "open" | "escalated" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "dispute";
                                /** @enum {string} */
                                status: "open" | "escalated" | "resolved";
                                /** @enum {string} */
                                reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                                outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                                refund_amount: number | null;
                                order: {
                                    id: string;
                                    number: string;
                                    status: string;
                                    total: number;
                                    currency: string;
                                };
                                shop: {
                                    slug: string;
                                    name: string;
                                };
                                merchant_id: string;
                                respond_by: string;
                                merchant_responded_at: string | null;
                                escalated_at: string | null;
                                resolved_at: string | null;
                                created_at: string;
                                /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                                pending_ruling: {
                                    /** @enum {string} */
                                    outcome: "refund" | "partial_refund";
                                    amount: number | null;
                                } | null;
                                messages?: {
                                    id: string;
                                    /** @enum {string} */
                                    author: "buyer" | "merchant" | "admin" | "system";
                                    body: string;
                                    created_at: string;
                                    /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                    event: {
                                        /** @enum {string} */
                                        kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                        data: {
                                            amount?: number;
                                            currency?: string;
                                            count?: number;
                                            message?: string;
                                        };
                                    } | null;
                                    attachment: {
                                        url: string;
                                        type: string | null;
                                    } | null;
                                }[];
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dispute with its timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The shop answers in the dispute (its first message stops the automatic escalation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes/{id}/replace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send replacement keys from stock (售后补发; audited)
         * @description They appear on the buyer's order page marked as replacements. 409 `out_of_stock`, `dispute_closed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description How many replacement keys to send (at most the order's quantity)
                         * @default 1
                         */
                        quantity?: number;
                        /** @description Shown to the buyer with the replacement */
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the platform to rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/disputes/{id}/messages/{message_id}/attachment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A screenshot from a dispute (the shop or a platform admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    message_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Disputes of every shop (e.g. status=escalated) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    status?: "open" | "escalated" | "resolved";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "dispute";
                                /** @enum {string} */
                                status: "open" | "escalated" | "resolved";
                                /** @enum {string} */
                                reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                                outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                                refund_amount: number | null;
                                order: {
                                    id: string;
                                    number: string;
                                    status: string;
                                    total: number;
                                    currency: string;
                                };
                                shop: {
                                    slug: string;
                                    name: string;
                                };
                                merchant_id: string;
                                respond_by: string;
                                merchant_responded_at: string | null;
                                escalated_at: string | null;
                                resolved_at: string | null;
                                created_at: string;
                                /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                                pending_ruling: {
                                    /** @enum {string} */
                                    outcome: "refund" | "partial_refund";
                                    amount: number | null;
                                } | null;
                                messages?: {
                                    id: string;
                                    /** @enum {string} */
                                    author: "buyer" | "merchant" | "admin" | "system";
                                    body: string;
                                    created_at: string;
                                    /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                    event: {
                                        /** @enum {string} */
                                        kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                        data: {
                                            amount?: number;
                                            currency?: string;
                                            count?: number;
                                            message?: string;
                                        };
                                    } | null;
                                    attachment: {
                                        url: string;
                                        type: string | null;
                                    } | null;
                                }[];
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/disputes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One dispute of any shop */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/disputes/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The platform writes in a dispute */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/disputes/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rule on a dispute: refund, partial_refund (with amount) or reject (audited)
         * @description Refunds go through the order's gateway like any refund; reject completes the order. Repeating the same ruling answers the dispute; a different ruling on a closed dispute is 409 `dispute_closed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "refund" | "partial_refund" | "reject";
                        /** @description Minor units; required for partial_refund */
                        amount?: number;
                        /** @description The ruling's reasons, shown to both sides */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "dispute";
                            /** @enum {string} */
                            status: "open" | "escalated" | "resolved";
                            /** @enum {string} */
                            reason: "key_invalid" | "not_as_described" | "not_received" | "other";
                            outcome: ("refund" | "partial_refund" | "reject" | "merchant_refund" | "withdrawn") | null;
                            refund_amount: number | null;
                            order: {
                                id: string;
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                            };
                            shop: {
                                slug: string;
                                name: string;
                            };
                            merchant_id: string;
                            respond_by: string;
                            merchant_responded_at: string | null;
                            escalated_at: string | null;
                            resolved_at: string | null;
                            created_at: string;
                            /** @description A ruling whose refund the gateway has not confirmed yet; the dispute closes when it does */
                            pending_ruling: {
                                /** @enum {string} */
                                outcome: "refund" | "partial_refund";
                                amount: number | null;
                            } | null;
                            messages?: {
                                id: string;
                                /** @enum {string} */
                                author: "buyer" | "merchant" | "admin" | "system";
                                body: string;
                                created_at: string;
                                /** @description A system line's meaning, to show it in the reader's language (amounts in minor units); body is the same in English and Chinese */
                                event: {
                                    /** @enum {string} */
                                    kind: "escalated_by_buyer" | "escalated_by_shop" | "escalated_unanswered" | "withdrawn" | "replaced" | "refunded_full" | "ruled_partial_refund" | "ruled_reject" | "ruled_refund_already" | "ruling_refund_failed";
                                    data: {
                                        amount?: number;
                                        currency?: string;
                                        count?: number;
                                        message?: string;
                                    };
                                } | null;
                                attachment: {
                                    url: string;
                                    type: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/orders/{number}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The buyer's review of the order, with the shop's reply (404 if none yet) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "review";
                            product_id: string;
                            product_title: string;
                            rating: number;
                            activation: number;
                            accuracy: number;
                            support: number;
                            comment: string | null;
                            reply: string | null;
                            replied_at: string | null;
                            created_at: string;
                            refunded: boolean;
                            buyer: string;
                            order_id?: string;
                            order_number?: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * The buyer reviews a delivered order, once (评价)
         * @description 409 `review_exists` (one per order), 409 `order_not_delivered`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: string;
                };
                path: {
                    number: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Overall, 1–5 stars */
                        rating: number;
                        /** @description Did the key / account work (激活成功), 1–5 */
                        activation: number;
                        /** @description As described (描述相符), 1–5 */
                        accuracy: number;
                        /** @description After-sales response (售后响应), 1–5 */
                        support: number;
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "review";
                            product_id: string;
                            product_title: string;
                            rating: number;
                            activation: number;
                            accuracy: number;
                            support: number;
                            comment: string | null;
                            reply: string | null;
                            replied_at: string | null;
                            created_at: string;
                            refunded: boolean;
                            buyer: string;
                            order_id?: string;
                            order_number?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/{shop_slug}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop's reviews, newest first (optionally one product's); buyers masked */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    product_id?: string;
                    /** @description true: only reviews without a reply */
                    unanswered?: "true" | "false";
                };
                header?: never;
                path: {
                    shop_slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "review";
                                product_id: string;
                                product_title: string;
                                rating: number;
                                activation: number;
                                accuracy: number;
                                support: number;
                                comment: string | null;
                                reply: string | null;
                                replied_at: string | null;
                                created_at: string;
                                refunded: boolean;
                                buyer: string;
                                order_id?: string;
                                order_number?: string | null;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/storefront/{shop_slug}/reputation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop's reputation over 90 days: ratings, dispute and refund rates, score and badge */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shop_slug: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "reputation";
                            shop: {
                                slug: string;
                                name: string;
                            };
                            window_days: number;
                            reviews: number;
                            rating: number | null;
                            activation: number | null;
                            accuracy: number | null;
                            support: number | null;
                            orders: number;
                            dispute_rate: number;
                            refund_rate: number;
                            score: number;
                            /** @enum {string} */
                            badge: "new" | "excellent" | "good" | "fair" | "poor";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop's reviews, newest first (unanswered=true for the ones to reply to) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    product_id?: string;
                    /** @description true: only reviews without a reply */
                    unanswered?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "review";
                                product_id: string;
                                product_title: string;
                                rating: number;
                                activation: number;
                                accuracy: number;
                                support: number;
                                comment: string | null;
                                reply: string | null;
                                replied_at: string | null;
                                created_at: string;
                                refunded: boolean;
                                buyer: string;
                                order_id?: string;
                                order_number?: string | null;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply to a review, once (409 `reply_exists`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reply: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "review";
                            product_id: string;
                            product_title: string;
                            rating: number;
                            activation: number;
                            accuracy: number;
                            support: number;
                            comment: string | null;
                            reply: string | null;
                            replied_at: string | null;
                            created_at: string;
                            refunded: boolean;
                            buyer: string;
                            order_id?: string;
                            order_number?: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a license key on one more machine (Lemon Squeezy's license API)
         * @description `{license_key, instance_name}` → 200 `{activated:true, license_key, instance}`. Over the limit, expired or disabled: 400 `{activated:false, error}`; unknown key: 404. Rate-limited per address (429).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                    "application/x-www-form-urlencoded": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                    "application/vnd.api+json": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Is a license key (on a machine) valid now?
         * @description `{license_key, instance_id?}` → 200 `{valid, error, license_key, instance}` (valid false with the reason when expired or disabled); unknown key or instance: 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                    "application/x-www-form-urlencoded": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                    "application/vnd.api+json": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a license key on one machine (frees its seat)
         * @description `{license_key, instance_id}` → 200 `{deactivated:true, license_key}`; unknown key or instance (or already deactivated): 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                    "application/x-www-form-urlencoded": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                    "application/vnd.api+json": {
                        license_key?: string;
                        /** @description At most 255 characters */
                        instance_name?: string;
                        instance_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activated?: boolean;
                            valid?: boolean;
                            deactivated?: boolean;
                            error: string | null;
                            license_key: {
                                id: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                key: string;
                                /** @description null: no limit */
                                activation_limit: number | null;
                                activation_usage: number;
                                created_at: string;
                                expires_at: string | null;
                                test_mode: boolean;
                            } | null;
                            instance?: {
                                id: string;
                                name: string;
                                created_at: string;
                            } | null;
                            meta: {
                                store_id: string;
                                store_slug: string;
                                order_id: string;
                                order_item_id: string;
                                product_id: string;
                                product_name: string;
                                /** @description The variant the key was sold through, if any */
                                variant_id: string | null;
                                variant_name: string | null;
                                customer_id: null;
                                customer_name: null;
                                /** @description Masked */
                                customer_email: string;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop's licenses, newest first (by order, product, or the key a buyer quotes) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    order_id?: string;
                    /** @description A product: its licenses, its variants' too */
                    product_id?: string;
                    /** @description The whole key a buyer quotes: finds its license (exact match only) */
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "license";
                                product_id: string;
                                product_title: string;
                                order_id: string;
                                order_number: string;
                                /** @description The key's last characters (the buyer has the key; find one by it with ?key=) */
                                key_hint: string;
                                /** @enum {string} */
                                status: "inactive" | "active" | "expired" | "disabled";
                                revoked: boolean;
                                disabled_reason: string | null;
                                activation_limit: number | null;
                                activation_usage: number;
                                expires_at: string | null;
                                issued_at: string | null;
                                created_at: string;
                                instances: {
                                    id: string;
                                    name: string;
                                    created_at: string;
                                }[];
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One license with the machines it is active on */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "license";
                            product_id: string;
                            product_title: string;
                            order_id: string;
                            order_number: string;
                            /** @description The key's last characters (the buyer has the key; find one by it with ?key=) */
                            key_hint: string;
                            /** @enum {string} */
                            status: "inactive" | "active" | "expired" | "disabled";
                            revoked: boolean;
                            disabled_reason: string | null;
                            activation_limit: number | null;
                            activation_usage: number;
                            expires_at: string | null;
                            issued_at: string | null;
                            created_at: string;
                            instances: {
                                id: string;
                                name: string;
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Extend a license or change its activation limit
         * @description 422 `activation_limit` below the machines active now.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Machines at once; null: no limit */
                        activation_limit?: number | null;
                        /** @description A new end (ISO 8601); null: never expires */
                        expires_at?: string | null;
                        /** @description Adds this many days to the end (from now if it has already passed) */
                        extend_days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "license";
                            product_id: string;
                            product_title: string;
                            order_id: string;
                            order_number: string;
                            /** @description The key's last characters (the buyer has the key; find one by it with ?key=) */
                            key_hint: string;
                            /** @enum {string} */
                            status: "inactive" | "active" | "expired" | "disabled";
                            revoked: boolean;
                            disabled_reason: string | null;
                            activation_limit: number | null;
                            activation_usage: number;
                            expires_at: string | null;
                            issued_at: string | null;
                            created_at: string;
                            instances: {
                                id: string;
                                name: string;
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/licenses/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a license: it stops validating at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (kept on the license, shown in the console) */
                        reason?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "license";
                            product_id: string;
                            product_title: string;
                            order_id: string;
                            order_number: string;
                            /** @description The key's last characters (the buyer has the key; find one by it with ?key=) */
                            key_hint: string;
                            /** @enum {string} */
                            status: "inactive" | "active" | "expired" | "disabled";
                            revoked: boolean;
                            disabled_reason: string | null;
                            activation_limit: number | null;
                            activation_usage: number;
                            expires_at: string | null;
                            issued_at: string | null;
                            created_at: string;
                            instances: {
                                id: string;
                                name: string;
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a revocation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "license";
                            product_id: string;
                            product_title: string;
                            order_id: string;
                            order_number: string;
                            /** @description The key's last characters (the buyer has the key; find one by it with ?key=) */
                            key_hint: string;
                            /** @enum {string} */
                            status: "inactive" | "active" | "expired" | "disabled";
                            revoked: boolean;
                            disabled_reason: string | null;
                            activation_limit: number | null;
                            activation_usage: number;
                            expires_at: string | null;
                            issued_at: string | null;
                            created_at: string;
                            instances: {
                                id: string;
                                name: string;
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licenses/{id}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deactivate every machine of a license (the seats are free again) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "license";
                            product_id: string;
                            product_title: string;
                            order_id: string;
                            order_number: string;
                            /** @description The key's last characters (the buyer has the key; find one by it with ?key=) */
                            key_hint: string;
                            /** @enum {string} */
                            status: "inactive" | "active" | "expired" | "disabled";
                            revoked: boolean;
                            disabled_reason: string | null;
                            activation_limit: number | null;
                            activation_usage: number;
                            expires_at: string | null;
                            issued_at: string | null;
                            created_at: string;
                            instances: {
                                id: string;
                                name: string;
                                created_at: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders across all shops (e.g. status=needs_action) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    status?: "pending_payment" | "paid" | "awaiting_fulfilment" | "delivered" | "completed" | "expired" | "cancelled" | "needs_action" | "disputed" | "refunded" | "partially_refunded";
                    /** @description An order number, or the buyer's email (exact, case-insensitive) */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "order";
                                number: string;
                                status: string;
                                total: number;
                                currency: string;
                                expires_at: string;
                                created_at: string;
                                paid_at: string | null;
                                delivered_at: string | null;
                                completed_at: string | null;
                                /** @description 代充: while awaiting_fulfilment, when the shop is due to have fulfilled it */
                                fulfil_due_at: string | null;
                                merchant_id: string;
                                email: string;
                                /** @description Why the order waits for a person (needs_action): e.g. out_of_stock, webhook_failed */
                                needs_action_reason: string | null;
                                /** @description 代充: still awaiting fulfilment past its due time */
                                overdue: boolean;
                                /** @description The platform's commission on this order (minor units); the shop's share is total − commission */
                                commission: number;
                                items: {
                                    id: string;
                                    product_id: string;
                                    title: string;
                                    quantity: number;
                                    unit_price: number;
                                    total: number;
                                    /** @description 代充: what the buyer filled in at checkout (order detail only) */
                                    fields?: {
                                        key: string;
                                        label: string;
                                        value: string;
                                    }[];
                                }[];
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order of any shop */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "order";
                            number: string;
                            status: string;
                            total: number;
                            currency: string;
                            expires_at: string;
                            created_at: string;
                            paid_at: string | null;
                            delivered_at: string | null;
                            completed_at: string | null;
                            /** @description 代充: while awaiting_fulfilment, when the shop is due to have fulfilled it */
                            fulfil_due_at: string | null;
                            merchant_id: string;
                            email: string;
                            /** @description Why the order waits for a person (needs_action): e.g. out_of_stock, webhook_failed */
                            needs_action_reason: string | null;
                            /** @description 代充: still awaiting fulfilment past its due time */
                            overdue: boolean;
                            /** @description The platform's commission on this order (minor units); the shop's share is total − commission */
                            commission: number;
                            items: {
                                id: string;
                                product_id: string;
                                title: string;
                                quantity: number;
                                unit_price: number;
                                total: number;
                                /** @description 代充: what the buyer filled in at checkout (order detail only) */
                                fields?: {
                                    key: string;
                                    label: string;
                                    value: string;
                                }[];
                            }[];
                            /** @description What has been refunded (succeeded refunds, minor units; a gateway fee refunded with it included) */
                            refunded: number;
                            /** @description The shop's share as it stands, from the ledger: total − commission at the sale, less what refunds took back from the shop; through the shop's own gateway account, all the buyer paid (its fee included), less refunds */
                            shop_share: number;
                            refunds: {
                                id: string;
                                amount: number;
                                currency: string;
                                status: string;
                                reason: string | null;
                                created_at: string;
                            }[];
                            payments: {
                                id: string;
                                gateway: string;
                                status: string;
                                amount: number;
                                currency: string;
                                succeeded_at: string | null;
                            }[];
                            events: {
                                from: string | null;
                                to: string;
                                actor: string;
                                note: string | null;
                                at: string;
                            }[];
                            webhook_delivery: {
                                attempts: number;
                                last_status: number | null;
                                last_error: string | null;
                                next_at: string | null;
                                delivered_at: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orders/{id}/retry_fulfilment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry delivery of an order parked in needs_action */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            result: "delivered" | "queued" | "still_out_of_stock" | "not_needs_action";
                            status?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/payments/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm by hand that a payment arrived (audited, idempotent)
         * @description Settles the payment as a verified notify would: the order is delivered, or parked in needs_action if its stock is gone.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            result: string;
                            order_id?: string;
                            topup_id?: string;
                            reason?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/gateways/sandbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sandbox gateway: whether it is on, its notify URL and secret (admins only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            gateway: "sandbox";
                            enabled: boolean;
                            notify_url: string;
                            secret: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/gateways": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every gateway XiaoPu ships, with its settings (secrets never echoed) and notify URL */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                gateway: string;
                                /** @enum {string} */
                                object: "gateway";
                                title: string;
                                /**
                                 * @description platform: the platform's account (money held in escrow); shop: the shop's own account
                                 * @enum {string}
                                 */
                                owner: "platform" | "shop";
                                enabled: boolean;
                                /** @description Shops may connect their own account of this gateway */
                                merchant_configurable: boolean;
                                configured: boolean;
                                /** @description The settings that are not secret */
                                settings: {
                                    [key: string]: unknown;
                                };
                                /** @description Which secret settings are stored (their values are never echoed) */
                                secrets_set: string[];
                                secret_fields: string[];
                                methods: string[];
                                available_methods: string[];
                                /** @description null: any currency */
                                currencies: string[] | null;
                                min_amount: number | null;
                                max_amount: number | null;
                                /** @description The buyer's fee in basis points, added to the amount paid */
                                fee_bps: number;
                                fee_fixed: number;
                                active_query: boolean;
                                supports: {
                                    query: boolean;
                                    refund: boolean;
                                    test_connection: boolean;
                                };
                                /** @description Give this to the gateway as its notify (callback) URL */
                                notify_url: string;
                                updated_at: string | null;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/gateways/{gateway}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One gateway: settings without secrets, which secrets are set, limits, fee, notify URL */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            gateway: string;
                            /** @enum {string} */
                            object: "gateway";
                            title: string;
                            /**
                             * @description platform: the platform's account (money held in escrow); shop: the shop's own account
                             * @enum {string}
                             */
                            owner: "platform" | "shop";
                            enabled: boolean;
                            /** @description Shops may connect their own account of this gateway */
                            merchant_configurable: boolean;
                            configured: boolean;
                            /** @description The settings that are not secret */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description Which secret settings are stored (their values are never echoed) */
                            secrets_set: string[];
                            secret_fields: string[];
                            methods: string[];
                            available_methods: string[];
                            /** @description null: any currency */
                            currencies: string[] | null;
                            min_amount: number | null;
                            max_amount: number | null;
                            /** @description The buyer's fee in basis points, added to the amount paid */
                            fee_bps: number;
                            fee_fixed: number;
                            active_query: boolean;
                            supports: {
                                query: boolean;
                                refund: boolean;
                                test_connection: boolean;
                            };
                            /** @description Give this to the gateway as its notify (callback) URL */
                            notify_url: string;
                            updated_at: string | null;
                        };
                    };
                };
            };
        };
        /**
         * Configure a gateway
         * @description Settings are validated for the gateway (epay: `{version:1, api_url, pid, key}` or `{version:2, api_url, pid, merchant_private_key, platform_public_key}`). Secret settings are stored encrypted and never echoed; leave one out to keep its stored value. Audited.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                        /** @default {} */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /** @description The sub-methods offered (epay `type`); null or absent offers all the gateway has */
                        methods?: string[] | null;
                        /** @description Smallest payment in minor units */
                        min_amount?: number | null;
                        /** @description Largest payment in minor units */
                        max_amount?: number | null;
                        /** @description Fee the buyer pays on top, in basis points of the total */
                        fee_bps?: number;
                        /** @description Fixed fee the buyer pays on top, in minor units */
                        fee_fixed?: number;
                        /** @description Ask the gateway whether a notified trade is really paid before crediting it (default true) */
                        active_query?: boolean;
                        /** @description Platform only: shops may configure their own account with this gateway */
                        merchant_configurable?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            gateway: string;
                            /** @enum {string} */
                            object: "gateway";
                            title: string;
                            /**
                             * @description platform: the platform's account (money held in escrow); shop: the shop's own account
                             * @enum {string}
                             */
                            owner: "platform" | "shop";
                            enabled: boolean;
                            /** @description Shops may connect their own account of this gateway */
                            merchant_configurable: boolean;
                            configured: boolean;
                            /** @description The settings that are not secret */
                            settings: {
                                [key: string]: unknown;
                            };
                            /** @description Which secret settings are stored (their values are never echoed) */
                            secrets_set: string[];
                            secret_fields: string[];
                            methods: string[];
                            available_methods: string[];
                            /** @description null: any currency */
                            currencies: string[] | null;
                            min_amount: number | null;
                            max_amount: number | null;
                            /** @description The buyer's fee in basis points, added to the amount paid */
                            fee_bps: number;
                            fee_fixed: number;
                            active_query: boolean;
                            supports: {
                                query: boolean;
                                refund: boolean;
                                test_connection: boolean;
                            };
                            /** @description Give this to the gateway as its notify (callback) URL */
                            notify_url: string;
                            updated_at: string | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/gateways/{gateway}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test the saved settings with a harmless call to the gateway (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    gateway: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orders/{id}/query_gateway": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the gateway for its view of the order's payment; settle it if the gateway says paid (audited, idempotent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment_id: string;
                            gateway: string;
                            gateway_view: {
                                found: boolean;
                                status: string | null;
                                trade_no: string | null;
                                amount: number | null;
                                currency: string | null;
                            };
                            /**
                             * @description settled: paid and now delivered (or parked); duplicate: already settled; not_paid; mismatch: the gateway disagrees with our row
                             * @enum {string}
                             */
                            result: "settled" | "needs_action" | "duplicate" | "not_paid" | "mismatch" | "rejected";
                            reason?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund any shop's order in full or in part, through its gateway (audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Minor units; the whole refundable remainder when absent */
                        amount?: number;
                        reason?: string;
                        /**
                         * @description Where the money goes: the gateway (default where it can refund) or the buyer's wallet (default otherwise; the order must have a buyer account)
                         * @enum {string}
                         */
                        to?: "gateway" | "wallet";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "refund";
                            order_id: string;
                            payment_id: string;
                            /** @description Minor units */
                            amount: number;
                            currency: string;
                            /**
                             * @description pending: with the gateway (reconciliation finishes it); failed: the gateway refused, nothing changed
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed";
                            /** @description gateway or wallet */
                            destination: string;
                            reason: string | null;
                            failure_message: string | null;
                            created_at: string;
                            completed_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/refunds/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a pending refund by hand after checking at the gateway (audited)
         * @description For a refund left `pending` because its gateway never answered and cannot be asked again safely (epay v1). `succeeded` books it as refunded; `failed` gives the amount back to refund again. 409 `refund_not_pending` once decided.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description What the gateway shows: the money went back (succeeded) or it did not (failed)
                         * @enum {string}
                         */
                        outcome: "succeeded" | "failed";
                        /** @description What you checked, for the audit log */
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "refund";
                            order_id: string;
                            payment_id: string;
                            /** @description Minor units */
                            amount: number;
                            currency: string;
                            /**
                             * @description pending: with the gateway (reconciliation finishes it); failed: the gateway refused, nothing changed
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed";
                            /** @description gateway or wallet */
                            destination: string;
                            reason: string | null;
                            failure_message: string | null;
                            created_at: string;
                            completed_at: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shops: status, owner, commission, products, orders in 30 days */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    status?: "pending" | "active" | "suspended";
                    /** @description Part of the shop slug or name, or the owner's email */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "merchant";
                                slug: string;
                                name: string;
                                /** @description pending, active or suspended */
                                status: string;
                                status_reason: string | null;
                                /** @description null: the platform default */
                                commission_bps: number | null;
                                /** @description null: the platform default */
                                escrow_hours: number | null;
                                owner_email: string | null;
                                products: number;
                                orders_30_days: number;
                                created_at: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/merchants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Approve, suspend or reinstate a shop; set its commission (audited)
         * @description A pending or suspended shop's storefront answers 404 and takes no orders. Suspending needs a `reason`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description active approves or reinstates; suspended stops sales
                         * @enum {string}
                         */
                        status?: "active" | "suspended";
                        /** @description Required when suspending; shown to the merchant */
                        reason?: string;
                        /** @description Commission in basis points; null for the platform default */
                        commission_bps?: number | null;
                        /** @description Hours a delivered order stays in escrow before it completes (0: at once); null for the platform default (XIAOPU_ESCROW_HOURS) */
                        escrow_hours?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "merchant";
                            slug: string;
                            name: string;
                            /** @description pending, active or suspended */
                            status: string;
                            status_reason: string | null;
                            /** @description null: the platform default */
                            commission_bps: number | null;
                            /** @description null: the platform default */
                            escrow_hours: number | null;
                            owner_email: string | null;
                            products: number;
                            orders_30_days: number;
                            created_at: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first (filter by merchant_id or action) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    starting_after?: string;
                    ending_before?: string;
                    merchant_id?: string;
                    /** @description e.g. card.reveal, gateway.configure, refund.request */
                    action?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            object: "list";
                            data: {
                                id: string;
                                /** @enum {string} */
                                object: "audit_entry";
                                /** @description member, api_key, admin, buyer or system */
                                actor_type: string;
                                actor_id: string | null;
                                merchant_id: string | null;
                                action: string;
                                target_type: string | null;
                                target_id: string | null;
                                /** @description What changed (never a secret) */
                                data: unknown;
                                ip: string | null;
                                created_at: string;
                            }[];
                            has_more: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
