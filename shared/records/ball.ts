/** Who must act next on a deal. */
export type Ball = 'us' | 'customer';
