-- The four roles exist from the start, so no node has to race another to create them.
INSERT INTO identity."AspNetRoles" ("Id", "Name", "NormalizedName", "ConcurrencyStamp") VALUES
    ('role-admin', 'Admin', 'ADMIN', 'seed'),
    ('role-organiser', 'Organiser', 'ORGANISER', 'seed'),
    ('role-producer', 'Producer', 'PRODUCER', 'seed'),
    ('role-buyer', 'Buyer', 'BUYER', 'seed');
