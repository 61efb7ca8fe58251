// The public product card's data: the product (with ?fair= its producer's booths at that fair), whether the reader is
// signed in (the producer's contact is shown only then), and the names its codes are shown by.

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../lib/api';
import { useAuth } from '../lib/auth';
import { productQuery } from '../lib/queries';
import { subGroupName } from '../lib/productCard';

export function useProductCard(productId: string) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const fairId = search.get('fair') || null;
  const { me } = useAuth();
  const query = useQuery(productQuery(productId, fairId));
  const product = query.data;
  return {
    product,
    error: query.error,
    notFound: query.error instanceof ApiError && query.error.status === 404,
    retry: () => void query.refetch(),
    fairId,
    signedIn: !!me,
    groupName: product ? t(`groups.${product.group}`, { defaultValue: '' }) : '',
    subGroupName: product ? subGroupName(product.subGroup, t) : '',
    booths: product?.booths ?? [],
    contact: product?.producer?.contact ?? null,
  };
}
